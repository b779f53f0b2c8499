/**
 * Consumer group configuration: the subscription group table ({@code subscriptionGroup.json}),
 * auto-creation on first use, and its admin requests.
 */
package dev.bolide.broker.group;
