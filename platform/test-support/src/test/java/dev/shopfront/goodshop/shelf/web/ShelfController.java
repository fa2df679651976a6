package dev.shopfront.goodshop.shelf.web;

import dev.shopfront.goodshop.shelf.Shelf;

import org.springframework.web.bind.annotation.RestController;

/** A fixture: a controller in web, calling the domain. */
@RestController
class ShelfController {

	private final Shelf shelf = new Shelf();

	Object empty() {
		return this.shelf.empty();
	}

}
