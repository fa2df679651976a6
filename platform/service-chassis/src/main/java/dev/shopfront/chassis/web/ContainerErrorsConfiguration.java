package dev.shopfront.chassis.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.event.EventListener;

/**
 * Replaces Tomcat's HTML error report with {@link ProblemErrorReportValve} once the
 * server runs, so a service answers problem+json even for requests Tomcat refuses.
 */
class ContainerErrorsConfiguration {

	private final ProblemWriter problems;

	ContainerErrorsConfiguration(ProblemWriter problems) {
		this.problems = problems;
	}

	@EventListener
	void replaceErrorReport(ServletWebServerInitializedEvent event) {
		if (!(event.getWebServer() instanceof TomcatWebServer tomcat)) {
			return;
		}
		Host host = tomcat.getTomcat().getHost();
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
				host.getPipeline().removeValve(valve);
			}
		}
		host.getPipeline().addValve(new ProblemErrorReportValve(this.problems));
	}

}
