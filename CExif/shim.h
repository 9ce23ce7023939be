#ifndef CEXIF_SHIM_H
#define CEXIF_SHIM_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <libexif/exif-data.h>
#include <libexif/exif-loader.h>
#include <libexif/exif-log.h>
#include <libexif/exif-tag.h>
#include <libexif/exif-utils.h>
#include <libheif/heif.h>

/* `exif_data_get_entry` is a macro in libexif, so Swift cannot call it.
   It searches IFD0, IFD1, EXIF, GPS and Interoperability in that order. */
static inline ExifEntry *cexif_data_get_entry(ExifData *data, ExifTag tag) {
    return data == NULL ? NULL : exif_data_get_entry(data, tag);
}

/* Swift imports `ExifData.ifd` (a fixed-size C array) as a tuple, which cannot be
   indexed by a runtime `ExifIfd`. GPS and Interoperability tags share numbers
   (0x0001 is both GPSLatitudeRef and InteroperabilityIndex), so lookups must name
   the IFD; this returns one IFD's content, or NULL when out of range. */
static inline ExifContent *cexif_data_get_content(ExifData *data, ExifIfd ifd) {
    if (data == NULL || (int)ifd < 0 || (int)ifd >= EXIF_IFD_COUNT) return NULL;
    return data->ifd[ifd];
}

/* What libexif said while loading one EXIF block, in a plain struct Swift can read. */
typedef struct {
    unsigned int corrupt_data_count;
    unsigned int no_memory_count;
    char first_corrupt_message[256];
} cexif_log_record;

/* libexif reports problems through a callback that receives a printf format and a
   `va_list`; Swift cannot implement such a callback portably. This one formats the
   message in C and records it in the `cexif_log_record` passed as `data`.
   Maker notes are vendor-private and never read by us, so their complaints are
   dropped (their log domains all start with "ExifMnote"). */
static inline void cexif_log_record_message(ExifLog *log, ExifLogCode code, const char *domain,
                                            const char *format, va_list args, void *data) {
    (void)log;
    cexif_log_record *record = (cexif_log_record *)data;
    if (record == NULL || format == NULL) return;
    if (domain != NULL && strncmp(domain, "ExifMnote", 9) == 0) return;
    switch (code) {
    case EXIF_LOG_CODE_CORRUPT_DATA:
        if (record->corrupt_data_count++ == 0) {
            vsnprintf(record->first_corrupt_message, sizeof record->first_corrupt_message, format, args);
        }
        break;
    case EXIF_LOG_CODE_NO_MEMORY:
        record->no_memory_count++;
        break;
    default:
        break;
    }
}

/* Points `log` at `record`; the record must outlive every ExifData using the log. */
static inline void cexif_log_attach_record(ExifLog *log, cexif_log_record *record) {
    exif_log_set_func(log, cexif_log_record_message, record);
}

#endif
