# syntax=docker/dockerfile:1
# Build stage: the Maven wrapper builds the fat jar and generates the dashboards.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml mvnw ./
COPY .mvn .mvn
COPY test-support test-support
COPY metrics-catalog metrics-catalog
COPY service service
COPY dashboards-as-code dashboards-as-code
COPY benchmarks benchmarks
COPY deployment-tests deployment-tests
# The commit shown by build_info: docker build --build-arg REVISION=$(git rev-parse --short=12 HEAD)
ARG REVISION=unknown
RUN mvn -B -q -pl service -am package -DskipTests -Dbuild.revision=${REVISION}

# Runtime stage: a JRE, a non-root user, the jar and both configurations.
FROM eclipse-temurin:17-jre
RUN groupadd --system scraper && useradd --system --gid scraper --home-dir /app scraper \
    && mkdir -p /app/data && chown scraper:scraper /app/data \
    && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/service/target/kr-lead-scraper.jar /app/kr-lead-scraper.jar
COPY config.yml config-prod.yml /app/
USER scraper
EXPOSE 8080 8081
ENV CONFIG_FILE=config.yml JAVA_OPTS="-XX:MaxRAMPercentage=75"
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${ADMIN_PORT:-8081}/healthcheck" || exit 1
# The flag comes after $JAVA_OPTS, so no JAVA_OPTS can switch it off: a JVM out of memory may have
# lost any thread (a worker, the lease heartbeat), so it exits and the orchestrator restarts it.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -XX:+ExitOnOutOfMemoryError -jar /app/kr-lead-scraper.jar server /app/$CONFIG_FILE"]
