package dev.devstack.app.init;

import java.util.List;
import java.util.Optional;

/**
 * A Maven or Gradle build that uses Spring Boot: its run goal, through the project's wrapper
 * (mvnw, gradlew) when it has one, so that the build tool need not be installed.
 */
final class SpringBootSource implements InitSource {

    private record Build(String file, String marker, String wrapper, String tool, String goal) {
    }

    private static final List<Build> BUILDS = List.of(
            new Build("pom.xml", "spring-boot", "mvnw", "mvn", "spring-boot:run"),
            new Build("build.gradle.kts", "org.springframework.boot", "gradlew", "gradle", "bootRun"),
            new Build("build.gradle", "org.springframework.boot", "gradlew", "gradle", "bootRun"));

    @Override
    public Optional<SourceScan> scan(ProjectFiles files) {
        for (Build build : BUILDS) {
            Optional<String> text = files.text(build.file());
            if (text.isPresent() && text.get().contains(build.marker())) {
                boolean wrapper = files.isFile(build.wrapper());
                String command = (wrapper ? "./" + build.wrapper() : build.tool()) + " " + build.goal();
                ServiceDraft app = ServiceDraft.of("app", build.file(), command).withPreset("spring-boot");
                return Optional.of(new SourceScan.Builder().read(build.file()).service(app, build.marker()
                        + " → app (preset spring-boot; " + (wrapper ? "its wrapper " + build.wrapper()
                        : "no " + build.wrapper() + ", so " + build.tool() + " must be installed") + ")").build());
            }
        }
        return Optional.empty();
    }
}
