"""Russian: day, month in the genitive, year, as the founding texts write it
("7 сентября 2012", without "г."), the 24-hour clock."""

DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j E"
YEAR_MONTH_FORMAT = "F Y"
