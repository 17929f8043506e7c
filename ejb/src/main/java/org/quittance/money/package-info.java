/** Money: an amount with its currency, and the single rounding rule of Quittance. */
package org.quittance.money;
