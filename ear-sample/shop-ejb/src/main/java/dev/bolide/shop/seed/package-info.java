/** The data a fresh database starts with. */
package dev.bolide.shop.seed;
