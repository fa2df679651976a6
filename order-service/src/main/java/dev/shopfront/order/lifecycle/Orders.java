package dev.shopfront.order.lifecycle;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The orders.
 */
public interface Orders extends JpaRepository<Order, UUID> {

	Page<Order> findByUserIdOrderByCreatedAtDescIdDesc(UUID userId, Pageable page);

	Page<Order> findAllByOrderByCreatedAtDescIdDesc(Pageable page);

}
