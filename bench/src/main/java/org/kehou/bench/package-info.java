/** Load drivers for the running bot; see bench/README.md. */
package org.kehou.bench;
