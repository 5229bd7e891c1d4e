"""Where scans come from (keyboard wedge, serial port, camera, image files) and the router
that sends them on."""
