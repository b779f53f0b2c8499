/**
 * Message selectors: {@link dev.bolide.protocol.selector.Selector} compiles an expression once and
 * evaluates it against each message's properties. Inside, one lexer and one recursive-descent parser,
 * told by a {@code Dialect} which language to read (RocketMQ 4.9's SQL92 or Jakarta Messaging's), build
 * an immutable tree of expression nodes that evaluates itself; the dialect's {@code ValueRules} decide
 * how values compare.
 */
package dev.bolide.protocol.selector;
