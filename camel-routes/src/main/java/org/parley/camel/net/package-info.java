/** What the protocol ports (FastAGI, AudioSocket) accept from the network: which peers. Plain Java, no Camel types. */
package org.parley.camel.net;
