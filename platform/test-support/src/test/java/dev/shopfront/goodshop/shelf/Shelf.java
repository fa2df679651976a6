package dev.shopfront.goodshop.shelf;

import dev.shopfront.goodshop.shelf.events.ShelfEmptiedV1;

/** A fixture: a domain type in the layout, which announces an event. */
public class Shelf {

	public ShelfEmptiedV1 empty() {
		return new ShelfEmptiedV1("A-1");
	}

}
