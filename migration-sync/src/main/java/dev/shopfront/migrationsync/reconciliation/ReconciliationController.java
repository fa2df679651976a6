package dev.shopfront.migrationsync.reconciliation;

import java.net.URI;

import dev.shopfront.chassis.openapi.ProblemResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reconciliation report for ADMINs, and for the gateway's cut-over step, which asks
 * it with the ADMIN's own token and refuses unless the difference is zero.
 */
@RestController
class ReconciliationController {

	private final Reconciliation reconciliation;

	ReconciliationController(Reconciliation reconciliation) {
		this.reconciliation = reconciliation;
	}

	/**
	 * Compares the catalog on both sides now.
	 * @return the report
	 */
	@GetMapping("/admin/reconciliation")
	@ProblemResponse(status = 503, type = "https://shopfront.dev/problems/reconciliation-unavailable",
			title = "Reconciliation unavailable", when = "a database of the comparison cannot be read")
	ReconciliationReport report() {
		return this.reconciliation.compare();
	}

	@ExceptionHandler(Reconciliation.ReconciliationUnavailable.class)
	ProblemDetail unavailable(Reconciliation.ReconciliationUnavailable ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setType(URI.create("https://shopfront.dev/problems/reconciliation-unavailable"));
		problem.setTitle("Reconciliation unavailable");
		return problem;
	}

}
