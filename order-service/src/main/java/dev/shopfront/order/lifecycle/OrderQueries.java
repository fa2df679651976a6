package dev.shopfront.order.lifecycle;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
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
	public Page<Order> page(Caller caller, @Nullable UUID userId, int page, int size) {
		PageRequest request = PageRequest.of(page, size);
		if (!caller.admin()) {
			return this.orders.findByUserIdOrderByCreatedAtDescIdDesc(caller.userId(), request);
		}
		return (userId != null) ? this.orders.findByUserIdOrderByCreatedAtDescIdDesc(userId, request)
				: this.orders.findAllByOrderByCreatedAtDescIdDesc(request);
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
