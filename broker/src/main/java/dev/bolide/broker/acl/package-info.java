/**
 * Access control compatible with Apache RocketMQ 4.9's plain ACL: the rules of {@code plain_acl.yml}
 * (global white addresses, accounts with their permissions), the resources each request touches,
 * and the guard that refuses requests as RocketMQ does, checking the signature
 * {@code AclClientRPCHook} puts on each request ({@code AclSignature}, in protocol, which Bolide's
 * client signs with). The file is read when the broker starts (a file that cannot be read stops the
 * start) and again whenever it changes (a broken edit keeps the rules in force).
 */
package dev.bolide.broker.acl;
