package dev.shopfront.e2e.compose;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Compose tool of this machine: the Docker CLI's plugin ({@code docker compose})
 * where there is one, else Debian's {@code docker-compose}.
 */
final class ComposeTool {

	record Result(int exitCode, String output) {
	}

	private ComposeTool() {
	}

	/** The command words, or an empty list when neither is installed. */
	static List<String> find() throws InterruptedException {
		for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
			List<String> version = new ArrayList<>(candidate);
			version.add("version");
			try {
				if (run(Path.of("."), version, List.of()).exitCode() == 0) {
					return candidate;
				}
			}
			catch (IOException ex) {
				// not installed
			}
		}
		return List.of();
	}

	static Result run(Path directory, List<String> tool, List<String> arguments)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(tool);
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return new Result(-1, "timed out: " + output);
		}
		return new Result(process.exitValue(), output);
	}

}
