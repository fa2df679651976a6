package dev.shopfront.user.account;

/**
 * What an account may do; {@code SERVICE} exists only in client-credentials tokens.
 */
public enum Role {

	CUSTOMER, ADMIN

}
