package dev.shopfront.order.lifecycle;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading orders: customers see their own, administrators everyone's. Another customer's
 * order is "not found", never "forbidden", so ids cannot be probed.
 */
@Service
@Transactional(readOnly = true)
public class OrderQueries {

	private final Orders orders;

	OrderQueries(Orders orders) {
		this.orders = orders;
	}

	/**
	 * One order.
	 * @param orderId the order
	 * @param caller who asks
	 * @return the order
	 * @throws OrderNotFoundException when there is none, or it is not the caller's
	 */
	public Order find(UUID orderId, Caller caller) {
		return this.orders.findById(orderId)
			.filter((order) -> caller.admin() || order.userId().equals(caller.userId()))
			.orElseThrow(() -> new OrderNotFoundException(orderId));
	}

	/**
	 * A page of orders, newest first.
	 * @param caller who asks
	 * @param userId whose orders (administrators only; customers always get their own)
	 * @param page page number from 0
	 * @param size page size
	 * @return the page
	 */
	public Orders.OrderPage page(Caller caller, @Nullable UUID userId, int page, int size) {
		return this.orders.page(caller.admin() ? userId : caller.userId(), page, size);
	}

	/**
	 * Who asks.
	 *
	 * @param userId the caller's account
	 * @param admin whether the caller is an administrator
	 */
	public record Caller(UUID userId, boolean admin) {
	}

}
