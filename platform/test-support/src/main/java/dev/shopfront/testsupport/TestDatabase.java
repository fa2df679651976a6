package dev.shopfront.testsupport;

/**
 * A database made for one test context.
 *
 * @param name the database name
 * @param jdbcUrl where to connect
 * @param username a user that owns it
 * @param password that user's password
 * @param adminUrl the server's maintenance database, for tests that provision more
 */
public record TestDatabase(String name, String jdbcUrl, String username, String password, String adminUrl) {
}
