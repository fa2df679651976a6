package dev.shopfront.inventory.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * All products, by SKU.
 */
interface Products extends JpaRepository<Product, String> {

}
