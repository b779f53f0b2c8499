/**
 * Message selectors: {@link dev.bolide.protocol.selector.Selector} compiles an expression once and
 * evaluates it against each message's properties. Inside, a lexer and a recursive-descent parser per
 * dialect build an immutable tree of expression nodes that evaluates itself.
 */
package dev.bolide.protocol.selector;
