// What a row's buttons and menu can ask for; App turns each into a command or a dialog.

export type RowAction = 'pause' | 'resume' | 'cancel' | 'retry' | 'open' | 'showInFolder' | 'copyLink' | 'changeLink' | 'remove' | 'removeWithFile';
