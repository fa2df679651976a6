package dev.shopfront.shipping;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Shipments of confirmed orders: one per order, created when order-service confirms it,
 * moved on by administrators (dispatched, delivered) and cancelled with its order until
 * it leaves the warehouse.
 */
@SpringBootApplication
public class ShippingServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ShippingServiceApplication.class, args);
	}

}
