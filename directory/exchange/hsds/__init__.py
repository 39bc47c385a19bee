"""Open Referral HSDS 3.0 data packages: the tables, their extensions, reading and writing."""
