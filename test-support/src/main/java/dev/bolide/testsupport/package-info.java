/**
 * What the modules' tests share, test scope only: {@link dev.bolide.testsupport.FreePorts} and the
 * {@link dev.bolide.testsupport.NoThreadLeaks} check.
 */
package dev.bolide.testsupport;
