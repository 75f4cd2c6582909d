/** Identity: citizens are who Zalo says they are; sessions, roles, the authorizer, profiles. */
package vn.smartprovince.identity;
