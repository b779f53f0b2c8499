/**
 * Master/slave replication, wire-compatible with Apache RocketMQ 4.9's classic HA: a slave
 * connects to its master's {@code haListenPort}, reports its CommitLog end as 8 bytes, and the
 * master streams {@code [offset 8][size 4][CommitLog bytes]} frames from there. A SYNC_MASTER
 * answers a send once a slave reported an offset past the message.
 */
package dev.bolide.broker.ha;
