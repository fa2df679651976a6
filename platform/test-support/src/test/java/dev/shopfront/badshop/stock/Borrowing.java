package dev.shopfront.badshop.stock;

import dev.shopfront.goodshop.shelf.Shelf;

/** A fixture: code of one service that names another's. */
class Borrowing {

	Shelf shelf() {
		return new Shelf();
	}

}
