/** The {@code bin/parley} command line: a thin picocli layer over the simulator and the NLU/rules libraries. */
package org.parley.tools;
