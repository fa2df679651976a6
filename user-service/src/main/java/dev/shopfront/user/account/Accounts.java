package dev.shopfront.user.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * All accounts.
 */
public interface Accounts extends JpaRepository<Account, UUID> {

	Optional<Account> findByEmail(String normalizedEmail);

	boolean existsByEmail(String normalizedEmail);

}
