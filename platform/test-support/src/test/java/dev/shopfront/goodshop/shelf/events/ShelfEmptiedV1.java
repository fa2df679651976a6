package dev.shopfront.goodshop.shelf.events;

/**
 * A fixture: an event that names nothing of the domain.
 *
 * @param shelf the shelf
 */
public record ShelfEmptiedV1(String shelf) {
}
