package org.netnslab.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The kernel backend's layout, as design.md has it. */
@AnalyzeClasses(packages = "org.netnslab.kernel", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule onlyTheSystemPackageTouchesJnr = noClasses()
            .that().resideOutsideOfPackage("org.netnslab.kernel.sys..")
            .should().dependOnClassesThat().resideInAnyPackage("jnr..", "com.kenai..")
            .because("one package binds libc and switches namespaces; the rest is plain Java");

    @ArchTest
    static final ArchRule theWireFormatStandsAlone = noClasses()
            .that().resideInAnyPackage("org.netnslab.kernel.netlink..", "org.netnslab.kernel.icmp..")
            .should().dependOnClassesThat().resideInAnyPackage("org.netnslab.kernel.sys..", "org.netnslab.core.backend..",
                    "org.netnslab.core.command..", "org.netnslab.core.ip..", "org.netnslab.core.ping..",
                    "org.netnslab.core.sysctl..", "org.netnslab.core.iptables..", "org.netnslab.core.nc..",
                    "org.netnslab.core.shell..", "org.netnslab.core.model..")
            .because("messages are bytes and values: no system calls, no lab");

    @ArchTest
    static final ArchRule theSystemPackageKnowsNoLab = noClasses()
            .that().resideInAPackage("org.netnslab.kernel.sys..")
            .should().dependOnClassesThat().resideInAnyPackage("org.netnslab.core..", "org.netnslab.kernel.netlink..")
            .because("it binds libc and switches namespaces, and knows nothing of what goes through");

    @ArchTest
    static final ArchRule noThreadPools = noClasses().that().resideInAPackage("org.netnslab.kernel..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executor")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ExecutorService")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ForkJoinPool")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadPoolExecutor")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.CompletableFuture")
            .because("a thread that switched namespaces must end; a pool would keep it, and make its children there");

    @ArchTest
    static final ArchRule noCycles = slices().matching("org.netnslab.kernel.(*)..").should().beFreeOfCycles();
}
