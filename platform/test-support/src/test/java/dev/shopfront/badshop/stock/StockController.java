package dev.shopfront.badshop.stock;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RestController;

/** A fixture: a controller outside web, in the domain, naming HTTP. */
@RestController
class StockController {

	HttpStatus status() {
		return HttpStatus.OK;
	}

}
