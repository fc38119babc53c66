package org.netnslab.sim;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list that shares all but one chunk with the list it was made from: replacing or appending an
 * element copies one chunk of {@value #CHUNK} and the table of chunks, not the whole list. A namespace of
 * thousands of links changes one link a command; its snapshot then costs what changed, not what is there.
 */
final class PersistentList<T> extends AbstractList<T> implements RandomAccess {

    private static final int BITS = 6;
    private static final int CHUNK = 1 << BITS;
    private static final PersistentList<?> EMPTY = new PersistentList<>(new Object[0][], 0);

    private final Object[][] chunks;
    private final int size;

    private PersistentList(Object[][] chunks, int size) {
        this.chunks = chunks;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <T> PersistentList<T> empty() {
        return (PersistentList<T>) EMPTY;
    }

    static <T> PersistentList<T> of(List<? extends T> items) {
        int n = items.size();
        Object[][] chunks = new Object[(n + CHUNK - 1) >> BITS][];
        for (int c = 0; c < chunks.length; c++) {
            int from = c << BITS;
            chunks[c] = items.subList(from, Math.min(n, from + CHUNK)).toArray();
        }
        return new PersistentList<>(chunks, n);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return (T) chunks[index >> BITS][index & (CHUNK - 1)];
    }

    @Override
    public int size() {
        return size;
    }

    /** This list with the element at {@code index} replaced. */
    PersistentList<T> with(int index, T item) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        Object[][] table = chunks.clone();
        Object[] chunk = table[index >> BITS].clone();
        chunk[index & (CHUNK - 1)] = item;
        table[index >> BITS] = chunk;
        return new PersistentList<>(table, size);
    }

    /** The first {@code n} elements. */
    PersistentList<T> prefix(int n) {
        if (n < 0 || n > size) {
            throw new IndexOutOfBoundsException(n);
        }
        if (n == size) {
            return this;
        }
        if (n == 0) {
            return empty();
        }
        int c = (n - 1) >> BITS;
        Object[][] table = Arrays.copyOf(chunks, c + 1);
        int inLast = n - (c << BITS);
        if (table[c].length != inLast) {
            table[c] = Arrays.copyOf(table[c], inLast);
        }
        return new PersistentList<>(table, n);
    }

    /** This list with one more element at its end. */
    PersistentList<T> plus(T item) {
        int c = size >> BITS;
        Object[][] table = c < chunks.length ? chunks.clone() : Arrays.copyOf(chunks, c + 1);
        Object[] chunk = table[c] == null ? new Object[0] : table[c];
        chunk = Arrays.copyOf(chunk, (size & (CHUNK - 1)) + 1);
        chunk[size & (CHUNK - 1)] = item;
        table[c] = chunk;
        return new PersistentList<>(table, size + 1);
    }
}
