/**
 * The RocketMQ message record: the one byte layout in which a message is stored in the CommitLog
 * and travels in pull, query and view responses, plus its property string and message ids.
 */
package dev.bolide.protocol.message;
