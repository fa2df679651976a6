# syntax=docker/dockerfile:1.7
#
# One image per service, every one built the same way (ADR 0010 says why a Dockerfile):
#
#   docker build --build-arg SERVICE=order-service -t shopfront/order-service .
#
# `docker compose build` does this for all seven. The build stage does not read SERVICE, so
# BuildKit runs it once and every image reuses it; only the last stages differ per service.

ARG JAVA_VERSION=25

# --- build: the whole reactor once (the tests run in CI, not in an image build) ----------------
FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -Dmaven.test.skip=true package -pl '!e2e-tests' \
 && version=$(sed -n 's:.*<opentelemetry-javaagent.version>\(.*\)</opentelemetry-javaagent.version>.*:\1:p' pom.xml) \
 && ./mvnw -B -q dependency:copy "-Dartifact=io.opentelemetry.javaagent:opentelemetry-javaagent:$version" \
      -DoutputDirectory=/otel -Dmdep.stripVersion=true

# --- extract: the service's Boot jar split into layers, least changing first ------------------
FROM build AS extract
ARG SERVICE
RUN test -n "$SERVICE" || { echo "build with --build-arg SERVICE=<module>, e.g. order-service" >&2; exit 1; } \
 && jar=$(ls "$SERVICE"/target/"$SERVICE"-*.jar | grep -v -e '-sources.jar$' -e '-javadoc.jar$' -e '-tests.jar$' | head -n 1) \
 && java -Djarmode=tools -jar "$jar" extract --layers --destination /extracted \
 && mv /extracted/application/*.jar /extracted/application/app.jar

# --- run: JRE only, non-root -----------------------------------------------------------------
FROM eclipse-temurin:${JAVA_VERSION}-jre
ARG SERVICE
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
ARG SOURCE=https://github.com/shopfront/shopfront
LABEL org.opencontainers.image.title="shopfront-${SERVICE}" \
      org.opencontainers.image.description="Shopfront ${SERVICE}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --system --gid 10001 shop && useradd --system --uid 10001 --gid shop --no-create-home shop
WORKDIR /app
# One layer per Boot layer: a code change rebuilds only the thin application layer.
COPY --from=extract /extracted/dependencies/ ./
COPY --from=extract /extracted/spring-boot-loader/ ./
COPY --from=extract /extracted/snapshot-dependencies/ ./
COPY --from=build /otel/opentelemetry-javaagent.jar otel/
COPY --chmod=0755 docker/healthcheck.sh /app/healthcheck
# The JVM flags ./shop uses too (shop.d/jvm): one place for both.
COPY shop.d/jvm/common.args jvm/common.args
COPY shop.d/jvm/${SERVICE}.args jvm/service.args
# The flags only a JDK 25 or newer knows (shop.d/jvm/jdk25.args; ./shop adds them the same way):
# jvm/jdk.args is that file on this image's JDK, and a comment alone on an older one.
COPY shop.d/jvm/jdk25.args jvm/jdk25.args
RUN if [ "$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release")" -ge 25 ]; \
      then cp jvm/jdk25.args jvm/jdk.args; else echo '# no flags for JDK 21 to 24' > jvm/jdk.args; fi
COPY --from=extract /extracted/application/ ./
USER 10001:10001
ENV OTEL_SERVICE_NAME=${SERVICE} \
    OTEL_TRACES_EXPORTER=none \
    OTEL_METRICS_EXPORTER=none \
    OTEL_LOGS_EXPORTER=none
# java is PID 1 (exec form): it gets SIGTERM itself and Spring Boot shuts down gracefully
# (server.shutdown=graceful is Boot's default): in-flight requests finish, consumers stop.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=5s --timeout=3s --start-period=120s --retries=3 CMD ["/app/healthcheck"]
# More JVM flags without a rebuild: JDK_JAVA_OPTIONS (read by the java launcher).
ENTRYPOINT ["java", "@jvm/common.args", "@jvm/jdk.args", "@jvm/service.args", "-javaagent:otel/opentelemetry-javaagent.jar", "-jar", "app.jar"]
