package dev.shopfront.shipping.shipment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import dev.shopfront.chassis.messaging.Outbox;
import dev.shopfront.shipping.shipment.events.ShipmentDeliveredV1;
import dev.shopfront.shipping.shipment.events.ShipmentDispatchedV1;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shipment use cases, one transaction each: create an order's shipment, cancel it
 * with its order, dispatch and deliver it (each announced through the outbox in the
 * transaction that moves it), show an order's shipment.
 * <p>
 * An order has exactly one shipment. What arrives about one order (its confirmation, its
 * cancellation) is taken one at a time, across instances (a transaction-scoped advisory
 * lock on the order id), and the unique order id in the database has the last word.
 */
@Service
public class ShipmentManagement {

	private static final Logger log = LoggerFactory.getLogger(ShipmentManagement.class);

	private final Shipments shipments;

	private final TrackingNumbers trackingNumbers;

	private final Outbox outbox;

	private final Clock clock;

	ShipmentManagement(Shipments shipments, TrackingNumbers trackingNumbers, Outbox outbox, Clock clock) {
		this.shipments = shipments;
		this.trackingNumbers = trackingNumbers;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Creates the shipment of a confirmed order, CREATED, once: an order that has one
	 * keeps it. An order whose cancellation arrived first gets its shipment CANCELLED, so
	 * that it is never dispatched.
	 * @param orderId the order
	 * @param userId its customer
	 * @param shippingAddress where it goes
	 * @return the order's shipment
	 */
	@Transactional
	public Shipment create(UUID orderId, UUID userId, ShippingAddress shippingAddress) {
		this.shipments.lockOrder(orderId);
		Optional<Shipment> existing = this.shipments.findByOrder(orderId);
		if (existing.isPresent()) {
			log.info("Order {} has shipment {} ({}) already: nothing to create", orderId, existing.get().id(),
					existing.get().status());
			return existing.get();
		}
		Instant now = this.clock.instant();
		Shipment shipment = Shipment.create(UUID.randomUUID(), orderId, userId, this.trackingNumbers.next(),
				shippingAddress, now);
		if (this.shipments.cancelledBefore(orderId)) {
			shipment = shipment.cancel(now);
			log.warn("Order {} was cancelled before its confirmation arrived: shipment {} created CANCELLED", orderId,
					shipment.id());
		}
		if (!this.shipments.insert(shipment)) {
			Shipment other = this.shipments.findByOrder(orderId).orElseThrow();
			log.warn("Order {} got shipment {} meanwhile: keeping it, not creating a second one", orderId, other.id());
			return other;
		}
		log.info("Order {}: shipment {} {} ({})", orderId, shipment.id(), shipment.status(), shipment.trackingNumber());
		return shipment;
	}

	/**
	 * Cancels the shipment of a cancelled order while it is CREATED. A shipment that was
	 * dispatched or delivered stays as it is. An order without a shipment is remembered,
	 * in case its confirmation is still to come.
	 * @param orderId the order
	 * @return the shipment cancelled, or empty when nothing was cancelled
	 */
	@Transactional
	public Optional<Shipment> cancel(UUID orderId) {
		this.shipments.lockOrder(orderId);
		Instant now = this.clock.instant();
		Optional<Shipment> found = this.shipments.findByOrder(orderId);
		if (found.isEmpty()) {
			this.shipments.rememberCancellation(orderId, now);
			log.info("Order {} was cancelled without a shipment: nothing to cancel", orderId);
			return Optional.empty();
		}
		Shipment shipment = found.get();
		if (shipment.status() == ShipmentStatus.CANCELLED) {
			log.info("Order {}: shipment {} is CANCELLED already", orderId, shipment.id());
			return Optional.empty();
		}
		if (!shipment.status().canMoveTo(ShipmentStatus.CANCELLED)) {
			log.warn("Order {} was cancelled, but its shipment {} is {} already: leaving it as it is", orderId,
					shipment.id(), shipment.status());
			return Optional.empty();
		}
		Shipment cancelled = shipment.cancel(now);
		if (!this.shipments.update(cancelled, shipment.status(), now)) {
			Shipment current = this.shipments.find(shipment.id()).orElseThrow();
			log.warn("Order {} was cancelled, but its shipment {} became {} meanwhile: leaving it as it is", orderId,
					shipment.id(), current.status());
			return Optional.empty();
		}
		log.info("Order {} was cancelled: shipment {} CANCELLED", orderId, shipment.id());
		return Optional.of(cancelled);
	}

	/**
	 * CREATED → DISPATCHED, announced by {@code shipment.dispatched}.
	 * @param id the shipment
	 * @return the shipment dispatched
	 * @throws ShipmentNotFoundException when there is no such shipment
	 * @throws IllegalShipmentTransitionException unless it is CREATED
	 */
	@Transactional
	public Shipment dispatch(UUID id) {
		Shipment dispatched = move(id, ShipmentStatus.DISPATCHED, Shipment::dispatch);
		this.outbox.publish(ShipmentDispatchedV1.TYPE, dispatched.orderId().toString(),
				new ShipmentDispatchedV1(dispatched.id(), dispatched.orderId(), dispatched.userId(),
						dispatched.trackingNumber(), Objects.requireNonNull(dispatched.dispatchedAt())));
		log.info("Order {}: shipment {} DISPATCHED ({})", dispatched.orderId(), id, dispatched.trackingNumber());
		return dispatched;
	}

	/**
	 * DISPATCHED → DELIVERED, announced by {@code shipment.delivered}.
	 * @param id the shipment
	 * @return the shipment delivered
	 * @throws ShipmentNotFoundException when there is no such shipment
	 * @throws IllegalShipmentTransitionException unless it is DISPATCHED
	 */
	@Transactional
	public Shipment deliver(UUID id) {
		Shipment delivered = move(id, ShipmentStatus.DELIVERED, Shipment::deliver);
		this.outbox.publish(ShipmentDeliveredV1.TYPE, delivered.orderId().toString(),
				new ShipmentDeliveredV1(delivered.id(), delivered.orderId(), delivered.userId(),
						delivered.trackingNumber(), Objects.requireNonNull(delivered.deliveredAt())));
		log.info("Order {}: shipment {} DELIVERED", delivered.orderId(), id);
		return delivered;
	}

	/**
	 * The shipments of an order (one, or none before the order is confirmed).
	 * @param orderId the order
	 * @param subject who asks (the token's subject)
	 * @param administrator whether the caller is an administrator, who sees every order's
	 * @return the shipments; empty when the order has none
	 * @throws ShipmentNotFoundException when the order has a shipment, but not the
	 * caller's
	 */
	@Transactional(readOnly = true)
	public List<Shipment> ofOrder(UUID orderId, String subject, boolean administrator) {
		List<Shipment> shipments = this.shipments.ofOrder(orderId);
		if (administrator) {
			return shipments;
		}
		List<Shipment> own = shipments.stream().filter((shipment) -> shipment.belongsTo(subject)).toList();
		if (own.isEmpty() && !shipments.isEmpty()) {
			throw ShipmentNotFoundException.ofOrder(orderId);
		}
		return own;
	}

	/**
	 * One shipment.
	 * @param id its id
	 * @return the shipment, if there is one
	 */
	@Transactional(readOnly = true)
	public Optional<Shipment> find(UUID id) {
		return this.shipments.find(id);
	}

	/**
	 * Moves a shipment on: the aggregate checks the transition, one conditional UPDATE
	 * stores it. A writer that moved the shipment first (another request, a cancellation)
	 * wins; this one is refused with the status it left.
	 */
	private Shipment move(UUID id, ShipmentStatus to, BiFunction<Shipment, Instant, Shipment> transition) {
		Shipment shipment = this.shipments.find(id).orElseThrow(() -> ShipmentNotFoundException.withId(id));
		Instant now = this.clock.instant();
		Shipment moved = transition.apply(shipment, now);
		if (!this.shipments.update(moved, shipment.status(), now)) {
			Shipment current = this.shipments.find(id).orElseThrow(() -> ShipmentNotFoundException.withId(id));
			throw new IllegalShipmentTransitionException(id, current.status(), to);
		}
		return moved;
	}

}
