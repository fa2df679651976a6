package dev.shopfront.payment.charge;

/**
 * Where a payment stands. A payment is decided once: AUTHORIZED or DECLINED; an
 * authorised payment may be refunded once (AUTHORIZED → REFUNDED).
 */
public enum PaymentStatus {

	/** The provider authorised the charge. */
	AUTHORIZED,

	/** The provider declined the charge. */
	DECLINED,

	/** The charge was authorised and then refunded in full. */
	REFUNDED;

	/**
	 * Whether the charge was authorised (and possibly refunded since).
	 * @return true for AUTHORIZED and REFUNDED
	 */
	public boolean authorized() {
		return this != DECLINED;
	}

}
