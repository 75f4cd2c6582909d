/** A faithful stub of Zalo's APIs for local runs and tests, with a control API. */
package vn.smartprovince.zalostub;
