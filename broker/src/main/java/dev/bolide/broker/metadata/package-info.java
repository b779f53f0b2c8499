/**
 * The broker's metadata files ({@code config/*.json} in the store directory): written atomically,
 * read back from the previous version when the current one is damaged.
 */
package dev.bolide.broker.metadata;
