package org.netnslab.sim;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys, each with a value, in the order they came, that hands out immutable views of what it holds now: the
 * learner's namespaces, oldest first; the ids a namespace gave others, by id. A view shares the storage, so
 * one after each change costs nothing, and finds a key at once. Only appending shares: taking a key out makes
 * a new log, and leaves the views of the old one as they were. A view may be read from any thread once it was
 * handed over: it reads only what was there when it was made, and the index is a concurrent map.
 */
final class AppendLog<K, V> {

    private Object[] keys;
    private Object[] values;
    private int size;
    private final Map<K, Integer> positions = new ConcurrentHashMap<>();

    AppendLog() {
        this(8);
    }

    private AppendLog(int capacity) {
        keys = new Object[Math.max(1, capacity)];
        values = new Object[keys.length];
    }

    /** Adds a key that is not there yet, last. */
    void append(K key, V value) {
        if (positions.containsKey(key)) {
            throw new IllegalArgumentException(key + " is there already");
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        positions.put(key, size);
        size++;
    }

    boolean contains(K key) {
        return positions.containsKey(key);
    }

    int size() {
        return size;
    }

    /** A new log with every key but this one, in the same order. */
    AppendLog<K, V> without(K key) {
        AppendLog<K, V> out = new AppendLog<>(size);
        for (int i = 0; i < size; i++) {
            if (!keys[i].equals(key)) {
                out.append(key(i), value(i));
            }
        }
        return out;
    }

    /** The keys now, oldest first. */
    List<K> keys() {
        return new Keys<>(keys, size, positions);
    }

    /** The keys and values now, in the order the keys came. */
    Map<K, V> map() {
        return new View<>(keys, values, size, positions);
    }

    @SuppressWarnings("unchecked")
    private K key(int i) {
        return (K) keys[i];
    }

    @SuppressWarnings("unchecked")
    private V value(int i) {
        return (V) values[i];
    }

    private static final class Keys<K> extends AbstractList<K> implements RandomAccess {
        private final Object[] keys;
        private final int size;
        private final Map<K, Integer> positions;

        Keys(Object[] keys, int size, Map<K, Integer> positions) {
            this.keys = keys;
            this.size = size;
            this.positions = positions;
        }

        @Override
        @SuppressWarnings("unchecked")
        public K get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return (K) keys[index];
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public int indexOf(Object o) {
            Integer at = o == null ? null : positions.get(o);
            return at != null && at < size ? at : -1;
        }

        @Override
        public int lastIndexOf(Object o) {
            return indexOf(o);
        }

        @Override
        public boolean contains(Object o) {
            return indexOf(o) >= 0;
        }
    }

    private static final class View<K, V> extends AbstractMap<K, V> {
        private final Object[] keys;
        private final Object[] values;
        private final int size;
        private final Map<K, Integer> positions;

        View(Object[] keys, Object[] values, int size, Map<K, Integer> positions) {
            this.keys = keys;
            this.values = values;
            this.size = size;
            this.positions = positions;
        }

        private int at(Object key) {
            Integer at = key == null ? null : positions.get(key);
            return at != null && at < size ? at : -1;
        }

        @Override
        @SuppressWarnings("unchecked")
        public V get(Object key) {
            int at = at(key);
            return at < 0 ? null : (V) values[at];
        }

        @Override
        public boolean containsKey(Object key) {
            return at(key) >= 0;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Set<Entry<K, V>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<K, V>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        @SuppressWarnings("unchecked")
                        public Entry<K, V> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>((K) keys[i], (V) values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
    }
}
