package org.netnslab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;

/**
 * The Dockerfile and the Kubernetes manifests in deploy/: they parse, their pieces fit one another (the
 * Service's selector and port, the probes on /health), and they name only what the image provides (its jar,
 * its port, arguments netns-lab takes).
 */
class DeployManifestsTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(String file) throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object d : yaml.loadAll(Files.readString(ROOT.resolve("deploy").resolve(file), StandardCharsets.UTF_8))) {
            docs.add((Map<String, Object>) d);
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object n = node;
        for (String p : path) {
            assertThat(n).as("a map at %s", p).isInstanceOf(Map.class);
            n = ((Map<String, Object>) n).get(p);
            assertThat(n).as("%s in %s", p, String.join(".", path)).isNotNull();
        }
        return (T) n;
    }

    private static Map<String, Object> kind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow();
    }

    private static String dockerfile() throws IOException {
        return Files.readString(ROOT.resolve("Dockerfile"), StandardCharsets.UTF_8);
    }

    /** What is common to both: the Service fits the pods, the probes ask /health, the image runs these args. */
    private static Map<String, Object> checkDeployment(String file) throws Exception {
        List<Map<String, Object>> docs = documents(file);
        assertThat(docs).extracting(d -> d.get("kind")).containsExactly("Deployment", "Service");
        Map<String, Object> deployment = kind(docs, "Deployment");
        Map<String, Object> service = kind(docs, "Service");
        assertThat(deployment.get("apiVersion")).isEqualTo("apps/v1");
        assertThat(service.get("apiVersion")).isEqualTo("v1");

        Map<String, Object> labels = at(deployment, "spec", "template", "metadata", "labels");
        assertThat(labels).containsAllEntriesOf(at(deployment, "spec", "selector", "matchLabels"));
        assertThat(labels).containsAllEntriesOf(at(service, "spec", "selector"));

        List<Map<String, Object>> containers = at(deployment, "spec", "template", "spec", "containers");
        assertThat(containers).hasSize(1);
        Map<String, Object> c = containers.get(0);
        Matcher version = Pattern.compile("org.opencontainers.image.version=\"([^\"]+)\"").matcher(dockerfile());
        assertThat(version.find()).isTrue();
        assertThat(c.get("image")).isEqualTo("netns-lab:" + version.group(1));

        List<Map<String, Object>> ports = at(c, "ports");
        assertThat(ports).hasSize(1);
        assertThat(ports.get(0)).containsEntry("name", "http").containsEntry("containerPort", 7070);
        assertThat(dockerfile()).contains("EXPOSE 7070");
        List<Map<String, Object>> servicePorts = at(service, "spec", "ports");
        assertThat(servicePorts.get(0)).containsEntry("targetPort", "http");
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            assertThat((Object) at(c, probe, "httpGet", "path")).isEqualTo("/health");
            assertThat((Object) at(c, probe, "httpGet", "port")).isEqualTo("http");
        }
        assertThat((Object) at(c, "resources", "requests", "cpu")).isNotNull();
        assertThat((Object) at(c, "resources", "requests", "memory")).isNotNull();
        assertThat((Object) at(c, "resources", "limits", "memory")).isNotNull();
        List<String> drop = at(c, "securityContext", "capabilities", "drop");
        assertThat(drop).containsExactly("ALL");
        assertThat((Object) at(c, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);

        // the arguments are netns-lab's own, and serve on the port the probes ask
        List<String> args = at(c, "args");
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args.toArray(String[]::new));
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("web");
        assertThat(parsed.subcommand().matchedOptionValue("--port", 0)).isEqualTo(7070);
        assertThat(parsed.subcommand().matchedOptionValue("--host", "")).isEqualTo("0.0.0.0");
        return c;
    }

    @Test
    void theSimulatorIsStatelessReplicasBehindOneService() throws Exception {
        Map<String, Object> c = checkDeployment("simulator.yaml");
        Map<String, Object> deployment = kind(documents("simulator.yaml"), "Deployment");
        assertThat((Integer) at(deployment, "spec", "replicas")).isGreaterThanOrEqualTo(2);
        assertThat((Object) at(c, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        assertThat((Object) at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"))
                .isEqualTo(true);
        assertThat(((Map<?, ?>) at(c, "securityContext", "capabilities")).containsKey("add")).isFalse();
        List<String> args = at(c, "args");
        assertThat(args).doesNotContain("--backend");
    }

    @Test
    void aClassInKernelModeIsOnePodWithTheNetworkCapabilities() throws Exception {
        Map<String, Object> c = checkDeployment("kernel-class.yaml");
        Map<String, Object> deployment = kind(documents("kernel-class.yaml"), "Deployment");
        assertThat((Integer) at(deployment, "spec", "replicas")).isEqualTo(1);
        assertThat((Object) at(deployment, "spec", "strategy", "type")).isEqualTo("Recreate");
        assertThat((Object) at(deployment, "spec", "template", "spec", "hostUsers")).isEqualTo(false);
        List<String> add = at(c, "securityContext", "capabilities", "add");
        // NET_ADMIN and NET_RAW for the lab; SYS_ADMIN, in the pod's own user namespace, for unshare(CLONE_NEWNET)
        assertThat(add).containsExactlyInAnyOrder("NET_ADMIN", "NET_RAW", "SYS_ADMIN");
        assertThat(((Map<?, ?>) at(deployment, "spec", "template", "spec")).get("hostNetwork")).isNull();
        assertThat(((Map<?, ?>) at(c, "securityContext")).get("privileged")).isNull();
        List<String> args = at(c, "args");
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args.toArray(String[]::new));
        assertThat(parsed.subcommand().matchedOptionValue("--backend", "")).isEqualTo("kernel");
        assertThat(parsed.subcommand().matchedOptionValue("--idle-minutes", 0)).isPositive();
    }

    @Test
    void theImageRunsTheJarTheBuildMakes() throws Exception {
        String docker = dockerfile();
        assertThat(docker).contains("FROM maven:3.9-eclipse-temurin-17 AS build",
                "RUN mvn -B -ntp -DskipTests -pl web -am package",
                "FROM gcr.io/distroless/java17-debian12:nonroot",
                "COPY --from=build /src/web/target/netns-lab.jar /app/netns-lab.jar",
                "ENTRYPOINT [\"java\", \"-jar\", \"/app/netns-lab.jar\"]");
        // the shaded jar is named as the image copies it
        assertThat(Files.readString(ROOT.resolve("web/pom.xml"))).contains("<finalName>netns-lab</finalName>");
        // every module of the reactor is copied in, so that Maven can read it
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (modules.find()) {
            assertThat(docker).contains("COPY " + modules.group(1) + "/pom.xml " + modules.group(1) + "/");
        }
        Matcher cmd = Pattern.compile("CMD \\[(.*)]").matcher(docker);
        assertThat(cmd.find()).isTrue();
        String[] args = cmd.group(1).replace("\"", "").split(",\\s*");
        assertThat(Main.commandLine().parseArgs(args).subcommand().commandSpec().name()).isEqualTo("web");
    }
}
