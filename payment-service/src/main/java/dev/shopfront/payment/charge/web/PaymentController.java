package dev.shopfront.payment.charge.web;

import dev.shopfront.chassis.openapi.ProblemResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.shopfront.chassis.security.Caller;
import dev.shopfront.payment.charge.Payment;
import dev.shopfront.payment.charge.Payments;
import dev.shopfront.payment.charge.Refund;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payments of an order, for the customer who placed it and for administrators.
 */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

	private final Payments payments;

	PaymentController(Payments payments) {
		this.payments = payments;
	}

	/**
	 * Lists the payments of an order and their refunds, for its owner or an ADMIN.
	 */
	@GetMapping
	@ProblemResponse(status = 404, type = "not-found", title = "Not found",
			when = "no payment for this order, or the order is another customer's")
	List<PaymentResponse> listPayments(@RequestParam UUID orderId, Authentication authentication) {
		Caller caller = Caller.of(authentication);
		return this.payments.ofOrder(orderId, caller.subject(), caller.admin())
			.stream()
			.map(PaymentResponse::of)
			.toList();
	}

	/**
	 * A payment as the API shows it; amounts are decimal strings.
	 *
	 * @param id the payment
	 * @param orderId its order
	 * @param status AUTHORIZED, DECLINED or REFUNDED
	 * @param amount the amount, e.g. "59.98"
	 * @param currency its ISO 4217 currency
	 * @param cardBrand visa, mastercard or unknown
	 * @param declineReason why it was declined, or null
	 * @param createdAt when it was decided
	 * @param refund its refund, or null
	 */
	record PaymentResponse(UUID id, UUID orderId, String status, String amount, String currency, String cardBrand,
			@Nullable String declineReason, Instant createdAt, @Nullable RefundResponse refund) {

		static PaymentResponse of(Payment payment) {
			return new PaymentResponse(payment.id(), payment.orderId(), payment.status().name(),
					payment.amount().setScale(2).toPlainString(), payment.currency(), payment.cardBrand().code(),
					(payment.declineReason() != null) ? payment.declineReason().code() : null, payment.createdAt(),
					(payment.refund() != null) ? RefundResponse.of(payment.refund()) : null);
		}

	}

	/**
	 * A refund as the API shows it.
	 *
	 * @param id the refund
	 * @param amount the amount refunded, e.g. "59.98"
	 * @param currency its ISO 4217 currency
	 * @param reason why, e.g. CUSTOMER_REQUEST
	 * @param createdAt when
	 */
	record RefundResponse(UUID id, String amount, String currency, String reason, Instant createdAt) {

		static RefundResponse of(Refund refund) {
			return new RefundResponse(refund.id(), refund.amount().setScale(2).toPlainString(), refund.currency(),
					refund.reason(), refund.createdAt());
		}

	}

}
