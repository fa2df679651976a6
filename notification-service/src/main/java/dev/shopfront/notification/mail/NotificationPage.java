package dev.shopfront.notification.mail;

import java.util.List;

/**
 * One page of a user's notification log, newest first.
 *
 * @param content the notifications on this page
 * @param number the page number, from 0
 * @param size the page size asked for
 * @param totalElements the user's notifications in all
 */
public record NotificationPage(List<Notification> content, int number, int size, long totalElements) {

	public int totalPages() {
		return (int) ((this.totalElements + this.size - 1) / this.size);
	}

}
