"""Submission packets (.bspkt): canonical JSON, keys, the synchronised-table registry, writer,
reader and the completeness check. Qt-free and database-free except ``completeness``.

The byte-level format is docs/packet-format.md. Entry points:

- writing: ``packet_writer.write_packet`` (services: ``app.services.packet_export``);
- reading: ``packet_reader.read_envelope`` → ``verify_envelope`` → ``decrypt_packet``
  (or ``open_packet``), failures as ``rejection.PacketRejected`` with a ``RejectCode``;
- chain position: ``sequence.sequence_state``; records: ``sync_tables.TABLES``.
"""
