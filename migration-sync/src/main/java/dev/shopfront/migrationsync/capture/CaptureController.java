package dev.shopfront.migrationsync.capture;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The capture for ADMINs: its state, and the switch.
 */
@RestController
@RequestMapping("/admin/capture")
class CaptureController {

	private final CatalogCapture capture;

	CaptureController(CatalogCapture capture) {
		this.capture = capture;
	}

	/**
	 * The capture's state.
	 * @return running, changes published, the last position
	 */
	@GetMapping
	CatalogCapture.CaptureState state() {
		return this.capture.state();
	}

	/**
	 * Starts or stops the capture. Stopping keeps the replication slot (and so the
	 * monolith's log from that point on) until the capture runs again.
	 * @param request whether it should run
	 * @return its state
	 */
	@PutMapping
	CatalogCapture.CaptureState set(@Valid @RequestBody Switch request) {
		if (request.running()) {
			this.capture.resume();
		}
		else {
			this.capture.halt();
		}
		return this.capture.state();
	}

	/**
	 * Whether the capture should run.
	 *
	 * @param running true to run
	 */
	record Switch(@NotNull Boolean running) {
	}

}
