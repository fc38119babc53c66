# netns-lab's image: the web UI and the command line in one jar, on a slim JRE 17.
#   docker build -t netns-lab:0.1.0 .
#   docker run --rm -p 7070:7070 netns-lab:0.1.0                       (the simulator)
# Kubernetes manifests for the simulator and for a class in kernel mode are in deploy/.

# 1. Build: the Maven reactor, tests left to CI (.ci/run), the shaded jar web/target/netns-lab.jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY core/pom.xml core/
COPY sim-backend/pom.xml sim-backend/
COPY kernel-backend/pom.xml kernel-backend/
COPY lessons/pom.xml lessons/
COPY web/pom.xml web/
COPY bench/pom.xml bench/
COPY core/src core/src
COPY sim-backend/src sim-backend/src
COPY kernel-backend/src kernel-backend/src
COPY lessons/src lessons/src
COPY web/src web/src
RUN mvn -B -ntp -DskipTests -pl web -am package

# 2. Run: a slim JRE 17 on Debian 12 (the reference platform), no shell, a non-root user by default.
# Kernel mode never shells out (netlink through jnr-ffi), so the image needs no ip, iptables or ping.
FROM gcr.io/distroless/java17-debian12:nonroot
LABEL org.opencontainers.image.title="netns-lab" \
      org.opencontainers.image.version="0.1.0" \
      org.opencontainers.image.description="Learn how containers get their network, on a simulator or the real kernel"
WORKDIR /app
COPY --from=build /src/web/target/netns-lab.jar /app/netns-lab.jar
EXPOSE 7070
# a server's memory follows the container's limit; jnr-ffi unpacks its stub into /tmp
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
ENTRYPOINT ["java", "-jar", "/app/netns-lab.jar"]
CMD ["web", "--host", "0.0.0.0", "--port", "7070"]
