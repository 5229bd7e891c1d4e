"""The Qt-free domain: money, the return being received, and the wms-update it becomes."""
