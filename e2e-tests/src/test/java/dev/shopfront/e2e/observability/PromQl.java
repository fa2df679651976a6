package dev.shopfront.e2e.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a file of PromQL uses (alert rules, dashboards): the identifiers that
 * are neither functions, keywords, label names nor label values.
 */
public final class PromQl {

	private static final Set<String> WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"and", "or", "unless", "bool", "offset");

	/**
	 * An {@code expr:} line of a rule file, or a {@code "expr": "..."} of a dashboard.
	 */
	private static final Pattern EXPRESSION = Pattern.compile(
			"(?m)(?:^\\s*expr:\\s*(\\|[^\\n]*\\n(?:\\s{10,}[^\\n]*\\n?)+|[^\\n]+)|\"expr\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\")");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private PromQl() {
	}

	public static Set<String> metricNames(Path file) {
		try {
			Set<String> names = new TreeSet<>();
			Matcher expression = EXPRESSION.matcher(Files.readString(file));
			while (expression.find()) {
				String expr = (expression.group(1) != null) ? expression.group(1)
						: expression.group(2).replace("\\\"", "\"");
				names.addAll(metricNames(expr));
			}
			return names;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Set<String> metricNames(String expr) {
		String bare = expr.replaceAll("\\{[^}]*}", " ") // label matchers
			.replaceAll("\\[[^]]*]", " ") // ranges
			.replaceAll("(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ") // label
																									// lists
			.replaceAll("\"[^\"]*\"", " ") // strings
			.replaceAll("\\$\\w+", " "); // dashboard variables
		Set<String> names = new TreeSet<>();
		Matcher identifier = IDENTIFIER.matcher(bare);
		while (identifier.find()) {
			String name = identifier.group();
			boolean function = bare.substring(identifier.end()).stripLeading().startsWith("(");
			if (!function && !WORDS.contains(name) && !name.matches("\\d.*|[a-z]+") || name.equals("up")) {
				names.add(name);
			}
		}
		return names;
	}

}
