package org.netnslab.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.List;
import java.util.stream.Stream;

/** The rules of design.md for core: a pure model and language, the same on every backend. */
@AnalyzeClasses(packages = "org.netnslab.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** The tools of the command language, one package each. */
    private static final List<String> TOOLS = List.of("ip", "ping", "sysctl", "iptables", "nc", "arp", "bridge",
            "grep", "coreutils", "nft", "ss", "netstat", "route", "hostname");

    @ArchTest
    static final ArchRule coreDoesNoIo = noClasses().that().resideInAPackage("org.netnslab.core..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..",
                    "java.nio.channels..")
            .because("core is the model and the language; backends do I/O");

    @ArchTest
    static final ArchRule coreReadsNoClockOrRandomness = noClasses().that().resideInAPackage("org.netnslab.core..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Instant")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .because("labs are deterministic: time and randomness are given, never read");

    @ArchTest
    static final ArchRule coreUsesNoJnr = noClasses().that().resideInAPackage("org.netnslab.core..")
            .should().dependOnClassesThat().resideInAnyPackage("jnr..", "com.kenai..")
            .because("only the kernel backend's system package touches jnr");

    @ArchTest
    static final ArchRule coreSeesNoBackend = noClasses().that().resideInAPackage("org.netnslab.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.netnslab.sim..", "org.netnslab.kernel..",
                    "org.netnslab.web..", "org.netnslab.lessons..")
            .because("core is the port; the adapters depend on it, not the other way");

    @ArchTest
    static final ArchRule toolsKnowThePortTheModelAndTheSharedPiecesOnly = classes()
            .that().resideInAnyPackage(packages(TOOLS.stream()))
            .should().onlyDependOnClassesThat().resideInAnyPackage(packages(Stream.concat(
                    Stream.of("backend", "model", "net", "command"), TOOLS.stream()), "java.."))
            .because("a tool runs on the Backend port with the shared pieces of the command package; the shell "
                    + "knows every tool, and no tool knows the shell");

    @ArchTest
    static final ArchRule toolsDoNotKnowEachOther = slices().matching("org.netnslab.core.(*)..")
            .that(DescribedPredicate.describe("are tools", (Slice s) -> TOOLS.contains(s.getNamePart(1))))
            .should().notDependOnEachOther()
            .because("each tool is its own, as each of iproute2's, iputils', procps' and netcat's programs is; "
                    + "what two share belongs in the command package");

    @ArchTest
    static final ArchRule noCycles = slices().matching("org.netnslab.core.(*)..").should().beFreeOfCycles();

    private static String[] packages(Stream<String> names, String... others) {
        return Stream.concat(names.map(n -> "org.netnslab.core." + n + ".."), Stream.of(others))
                .toArray(String[]::new);
    }
}
