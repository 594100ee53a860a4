<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>CoreText</name>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="36"/>
        <source>{0}</source>
        <translation>{0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="38"/>
        <source>{0}: no such file ({1})</source>
        <translation>{0}: arquivo não encontrado ({1})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="39"/>
        <source>{0}: cannot be read (permission denied)</source>
        <translation>{0}: não pode ser lido (permissão negada)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="40"/>
        <source>{0}: cannot be read ({1})</source>
        <translation>{0}: não pode ser lido ({1})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="41"/>
        <source>{0}: is a folder, not a file</source>
        <translation>{0}: é uma pasta, não um arquivo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="42"/>
        <source>{0}: the file is empty</source>
        <translation>{0}: o arquivo está vazio</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="43"/>
        <source>{0}: the file is {1} MB; the limit is {2} MB (change it in the settings or split the file)</source>
        <translation>{0}: o arquivo tem {1} MB; o limite é {2} MB (altere-o nas configurações ou divida o arquivo)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="45"/>
        <source>{0}: the workbook is password-protected; remove the password in Excel and try again</source>
        <translation>{0}: a pasta de trabalho está protegida por senha; remova a senha no Excel e tente de novo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="47"/>
        <source>{0}: the file is empty: no values at all</source>
        <translation>{0}: o arquivo está vazio: não há nenhum valor</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="48"/>
        <source>{0}: the file is empty (sheet &apos;{1}&apos;): no values at all</source>
        <translation>{0}: o arquivo está vazio (planilha &apos;{1}&apos;): não há nenhum valor</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="49"/>
        <source>{0}: has a header but no data rows</source>
        <translation>{0}: tem cabeçalho mas nenhuma linha de dados</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="50"/>
        <source>{0}: has a header but no data rows (sheet &apos;{1}&apos;)</source>
        <translation>{0}: tem cabeçalho mas nenhuma linha de dados (planilha &apos;{1}&apos;)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="51"/>
        <source>{0}: has {1} rows; the limit is {2} (change it in the settings or split the file)</source>
        <translation>{0}: tem {1} linhas; o limite é {2} (altere-o nas configurações ou divida o arquivo)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="53"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="55"/>
        <source>{0}: this is {1}, not a spreadsheet (use a CSV or Excel file)</source>
        <translation>{0}: isto é {1}, não uma planilha (use um arquivo CSV ou Excel)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="57"/>
        <source>a PDF document</source>
        <translation>um documento PDF</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="58"/>
        <source>a PNG image</source>
        <translation>uma imagem PNG</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="59"/>
        <source>a JPEG image</source>
        <translation>uma imagem JPEG</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="60"/>
        <source>a GIF image</source>
        <translation>uma imagem GIF</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="61"/>
        <source>a RAR archive</source>
        <translation>um arquivo compactado RAR</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="62"/>
        <source>a 7-Zip archive</source>
        <translation>um arquivo compactado 7-Zip</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="63"/>
        <source>a gzip archive</source>
        <translation>um arquivo compactado gzip</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="64"/>
        <source>an RTF document</source>
        <translation>um documento RTF</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="65"/>
        <source>a program</source>
        <translation>um programa</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="66"/>
        <source>{0}: this is a web page saved with a spreadsheet name; open it in Excel and save it as .xlsx or .csv</source>
        <translation>{0}: isto é uma página da web salva com nome de planilha; abra-a no Excel e salve-a como .xlsx ou .csv</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="68"/>
        <source>{0}: this is not a real Excel file ({1})</source>
        <translation>{0}: não é um arquivo do Excel de verdade ({1})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="69"/>
        <source>it is neither an Excel 97-2003 workbook nor text</source>
        <translation>não é uma pasta de trabalho do Excel 97-2003 nem texto</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="70"/>
        <source>it is not a zip archive</source>
        <translation>não é um arquivo zip</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="72"/>
        <source>{0}: the file says it is UTF-16 but its text is damaged</source>
        <translation>{0}: o arquivo se declara UTF-16, mas o texto está danificado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="73"/>
        <source>{0}: contains binary data (a NUL byte on line {1}); this is not a text spreadsheet</source>
        <translation>{0}: contém dados binários (um byte NUL na linha {1}); não é uma planilha de texto</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="75"/>
        <source>{0}: line {1} is not valid UTF-8 although the rest of the file is (mixed encodings); save it again in Excel as &apos;CSV UTF-8 (Delimitado por vírgulas)&apos;</source>
        <translation>{0}: a linha {1} não é UTF-8 válido, embora o resto do arquivo seja (codificações misturadas); salve-o de novo no Excel como &apos;CSV UTF-8 (Delimitado por vírgulas)&apos;</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="78"/>
        <source>{0}: contains binary data, not text; this is not a spreadsheet</source>
        <translation>{0}: contém dados binários, não texto; não é uma planilha</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="79"/>
        <source>{0}: a row has {1} columns; the limit is {2} (is this really a contact list?)</source>
        <translation>{0}: uma linha tem {1} colunas; o limite é {2} (é mesmo uma lista de contatos?)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="81"/>
        <source>{0}: has more than {1} rows, the limit (change it in the settings or split the file)</source>
        <translation>{0}: tem mais de {1} linhas, o limite (altere-o nas configurações ou divida o arquivo)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="84"/>
        <source>{0}: this zip archive is not an Excel workbook</source>
        <translation>{0}: este arquivo zip não é uma pasta de trabalho do Excel</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="85"/>
        <source>{0}: binary workbooks (.xlsb) are not supported; save it as .xlsx</source>
        <translation>{0}: pastas de trabalho binárias (.xlsb) não são aceitas; salve-a como .xlsx</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="86"/>
        <source>{0}: the workbook would unpack to {1} MB from {2} MB; refused as unsafe (a &apos;zip bomb&apos;)</source>
        <translation>{0}: a pasta de trabalho passaria de {2} MB para {1} MB ao ser descompactada; recusada por segurança (uma &apos;bomba zip&apos;)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="88"/>
        <source>{0}: the workbook contains XML entity declarations, which Excel never writes; refused as unsafe</source>
        <translation>{0}: a pasta de trabalho contém declarações de entidades XML, que o Excel nunca grava; recusada por segurança</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="90"/>
        <source>{0}: the Excel file is damaged or incomplete (its zip archive cannot be read)</source>
        <translation>{0}: o arquivo do Excel está danificado ou incompleto (não foi possível ler o conteúdo zip)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="92"/>
        <source>{0}: the Excel file cannot be read ({1})</source>
        <translation>{0}: o arquivo do Excel não pode ser lido ({1})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="93"/>
        <source>{0}: the Excel file is damaged and cannot be read ({1})</source>
        <translation>{0}: o arquivo do Excel está danificado e não pode ser lido ({1})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="94"/>
        <source>{0}: sheet &apos;{1}&apos; has more than {2} rows, the limit</source>
        <translation>{0}: a planilha &apos;{1}&apos; tem mais de {2} linhas, o limite</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="95"/>
        <source>{0}: sheet &apos;{1}&apos; has {2} columns; the limit is {3}</source>
        <translation>{0}: a planilha &apos;{1}&apos; tem {2} colunas; o limite é {3}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="96"/>
        <source>{0}: sheet &apos;{1}&apos; cannot be read ({2})</source>
        <translation>{0}: a planilha &apos;{1}&apos; não pode ser lida ({2})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="97"/>
        <source>{0}: there is no sheet named &apos;{1}&apos; (sheets: {2})</source>
        <translation>{0}: não há nenhuma planilha chamada &apos;{1}&apos; (planilhas: {2})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="98"/>
        <source>{0}: the workbook has no sheets</source>
        <translation>{0}: a pasta de trabalho não tem nenhuma planilha</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="100"/>
        <source>the input has {0} rows; the limit is {1} (change it in the settings or split the file)</source>
        <translation>a entrada tem {0} linhas; o limite é {1} (altere-o nas configurações ou divida os arquivos)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="102"/>
        <source>no input file given</source>
        <translation>nenhum arquivo de entrada informado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="113"/>
        <source>{0}: the output is a folder; give a file name such as contacts-ghl.csv</source>
        <translation>{0}: a saída é uma pasta; informe um nome de arquivo como contacts-ghl.csv</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="116"/>
        <source>the stored copy of {0} is gone (removed by the retention setting or by hand); drop the file again</source>
        <translation>a cópia guardada de {0} não existe mais (removida pelo prazo de retenção ou manualmente); arraste o arquivo de novo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="118"/>
        <source>the file is too large for this computer&apos;s memory</source>
        <translation>o arquivo é grande demais para a memória deste computador</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="119"/>
        <source>unexpected error: {0}</source>
        <translation>erro inesperado: {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="121"/>
        <source>{0} was saved by another version of the app</source>
        <translation>{0} foi salvo por outra versão do aplicativo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="122"/>
        <source>{0} is damaged ({1})</source>
        <translation>{0} está danificado ({1})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="123"/>
        <source>truncated</source>
        <translation>cortado no meio</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="124"/>
        <source>no data</source>
        <translation>sem dados</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="125"/>
        <source>the saved result cannot be read ({0})</source>
        <translation>o resultado salvo não pode ser lido ({0})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="126"/>
        <source>the saved result was written by another version of the app</source>
        <translation>o resultado salvo foi gravado por outra versão do aplicativo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="128"/>
        <source>{0} is a folder, not a file name</source>
        <translation>{0} é uma pasta, não um nome de arquivo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="130"/>
        <source>[Errno {0}] {1}: {2}</source>
        <translation>[Errno {0}] {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="131"/>
        <source>[Errno {0}] {1}</source>
        <translation>[Errno {0}] {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="132"/>
        <source>[WinError {0}] {1}: {2}</source>
        <translation>[WinError {0}] {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="133"/>
        <source>[WinError {0}] {1}</source>
        <translation>[WinError {0}] {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="134"/>
        <source>Permission denied</source>
        <translation>Permissão negada</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="135"/>
        <source>Operation not permitted</source>
        <translation>Operação não permitida</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="136"/>
        <source>No such file or directory</source>
        <translation>Arquivo ou pasta inexistente</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="137"/>
        <source>Is a directory</source>
        <translation>É uma pasta</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="138"/>
        <source>Input/output error</source>
        <translation>Erro de entrada/saída</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="139"/>
        <source>No space left on device</source>
        <translation>Não há espaço livre no disco</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="140"/>
        <source>Read-only file system</source>
        <translation>Sistema de arquivos somente leitura</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="141"/>
        <source>File name too long</source>
        <translation>Nome de arquivo longo demais</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="142"/>
        <source>Access is denied</source>
        <translation>Acesso negado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="143"/>
        <source>The system cannot find the file specified</source>
        <translation>O sistema não pode encontrar o arquivo especificado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="144"/>
        <source>The system cannot find the path specified</source>
        <translation>O sistema não pode encontrar o caminho especificado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="145"/>
        <source>The process cannot access the file because it is being used by another process</source>
        <translation>O processo não pode acessar o arquivo porque ele está sendo usado por outro processo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="148"/>
        <source>line {0}: {1}</source>
        <translation>linha {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="149"/>
        <source>a quote was never closed; closed at the end of the line</source>
        <translation>uma aspa não foi fechada; fechada no fim da linha</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="150"/>
        <source>unescaped quotes inside a quoted value were kept as text</source>
        <translation>aspas soltas dentro de um valor entre aspas foram mantidas como texto</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="151"/>
        <source>written with another delimiter; split to match the header</source>
        <translation>escrita com outro separador; dividida conforme o cabeçalho</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="152"/>
        <source>a line break inside an unquoted value; joined to the row above</source>
        <translation>quebra de linha dentro de um valor sem aspas; juntada à linha de cima</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="153"/>
        <source>{0} row(s) had fewer values than the header (first at line {1}); the missing ones were left empty</source>
        <translation>{0} linha(s) com menos valores que o cabeçalho (a primeira na linha {1}); os que faltavam ficaram vazios</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="155"/>
        <source>{0} row(s) had more values than the header (first at line {1}); the extra values were dropped</source>
        <translation>{0} linha(s) com mais valores que o cabeçalho (a primeira na linha {1}); os valores a mais foram descartados</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="157"/>
        <source>the file is named {0} but holds {1}-separated text; read as text</source>
        <translation>o arquivo tem extensão {0}, mas contém texto separado por {1}; lido como texto</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="159"/>
        <source>comma</source>
        <translation>vírgula</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="160"/>
        <source>semicolon</source>
        <translation>ponto e vírgula</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="161"/>
        <source>tab</source>
        <translation>tabulação</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="162"/>
        <source>pipe</source>
        <translation>barra vertical</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="163"/>
        <source>most rows have more values than the header; the extra columns were named</source>
        <translation>a maioria das linhas tem mais valores que o cabeçalho; as colunas a mais receberam nomes</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="165"/>
        <source>repeated column names were numbered: {0}</source>
        <translation>nomes de coluna repetidos foram numerados: {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="166"/>
        <source>{0} line(s) above the header were skipped (titles or notes)</source>
        <translation>{0} linha(s) acima do cabeçalho foram ignoradas (títulos ou observações)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="167"/>
        <source>{0} row(s) above the header were skipped (titles or notes)</source>
        <translation>{0} linha(s) acima do cabeçalho foram ignoradas (títulos ou observações)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="168"/>
        <source>number formats could not be read; zero-padded codes (CEP, CPF) may lack leading zeros</source>
        <translation>não foi possível ler os formatos de número; códigos com zeros à esquerda (CEP, CPF) podem ter ficado sem eles</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="171"/>
        <source>did you mean {0}?</source>
        <translation>você quis dizer {0}?</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="172"/>
        <source>old 8-digit mobile: the ninth digit was added</source>
        <translation>celular antigo de 8 dígitos: o nono dígito foi acrescentado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="173"/>
        <source>no name, email or phone: GHL cannot import it</source>
        <translation>sem nome, e-mail ou telefone: o GHL não consegue importá-la</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="174"/>
        <source>starts like a spreadsheet formula; exported with a leading &apos;</source>
        <translation>começa como uma fórmula de planilha; exportado com um &apos; na frente</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="176"/>
        <source>rows with different emails were merged: {0}</source>
        <translation>linhas com e-mails diferentes foram juntadas: {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="177"/>
        <source>rows with different names were merged: {0}</source>
        <translation>linhas com nomes diferentes foram juntadas: {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="179"/>
        <source>row {0} of {1}</source>
        <translation>linha {0} de {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="180"/>
        <source>{0} is now merged into {1}</source>
        <translation>{0} agora está juntada à {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="181"/>
        <source>{0} is no longer in the result</source>
        <translation>{0} não está mais no resultado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="182"/>
        <source>{0} row(s) are no longer in the result or are merged into others</source>
        <translation>{0} linha(s) não estão mais no resultado ou foram juntadas a outras</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="183"/>
        <source>{0}: the field {1} is no longer in the result</source>
        <translation>{0}: o campo {1} não está mais no resultado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="184"/>
        <source>{0}: {1} was typed over the column {2}, which is no longer mapped to {1}</source>
        <translation>{0}: {1} foi digitado sobre a coluna {2}, que não está mais mapeada para {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="185"/>
        <source>{0}: is no longer merged with other rows</source>
        <translation>{0}: não está mais juntada a outras linhas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="186"/>
        <source>an edit this version does not know ({0})</source>
        <translation>uma edição que esta versão não conhece ({0})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="188"/>
        <source>File</source>
        <translation>Arquivo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="189"/>
        <source>Row</source>
        <translation>Linha</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="190"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="191"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="192"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="193"/>
        <source>In the export</source>
        <translation>Na exportação</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="194"/>
        <source>exported without this value</source>
        <translation>exportada sem este valor</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="195"/>
        <source>not exported</source>
        <translation>não exportada</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="196"/>
        <source>not exported: excluded during review</source>
        <translation>não exportada: excluída na revisão</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="197"/>
        <source>(whole row)</source>
        <translation>(linha inteira)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="198"/>
        <source>Rows to fix</source>
        <translation>Para corrigir</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="199"/>
        <source>to-fix</source>
        <translation>para-corrigir</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="201"/>
        <source>unknown country code</source>
        <translation>código de país desconhecido</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="202"/>
        <source>not a phone number</source>
        <translation>não é um número de telefone</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="203"/>
        <source>too short</source>
        <translation>curto demais</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="204"/>
        <source>too long</source>
        <translation>longo demais</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="205"/>
        <source>wrong number of digits</source>
        <translation>quantidade de dígitos errada</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="206"/>
        <source>not a valid number (no such area code or prefix)</source>
        <translation>número inválido (DDD ou prefixo inexistente)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="207"/>
        <source>no area code (DDD): write it as (11) 98765-4321</source>
        <translation>falta o DDD: escreva como (11) 98765-4321</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="208"/>
        <source>too long to be a phone number</source>
        <translation>longo demais para ser um número de telefone</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="210"/>
        <source>no such date (check the day and month)</source>
        <translation>data inexistente (confira o dia e o mês)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="211"/>
        <source>date of birth in the future</source>
        <translation>data de nascimento no futuro</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="212"/>
        <source>year before 1900</source>
        <translation>ano anterior a 1900</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="213"/>
        <source>not a date (use {0})</source>
        <translation>não é uma data (use {0})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="214"/>
        <source>a bare number is not a date (type it as {0})</source>
        <translation>um número sozinho não é uma data (digite como {0})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="215"/>
        <source>DD/MM/YYYY</source>
        <translation>DD/MM/AAAA</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="216"/>
        <source>MM/DD/YYYY</source>
        <translation>MM/DD/AAAA</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="223"/>
        <source>not a valid email address ({0})</source>
        <translation>endereço de e-mail inválido ({0})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="224"/>
        <source>The email address has the &quot;full-width&quot; at-sign (@) character instead of a regular at-sign.</source>
        <translation>o endereço usa a arroba &quot;de largura total&quot; (＠) no lugar da arroba comum (@)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="226"/>
        <source>The email address has the &quot;small commercial at&quot; character instead of a regular at-sign.</source>
        <translation>o endereço usa a arroba pequena (﹫) no lugar da arroba comum (@)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="228"/>
        <source>An email address must have an @-sign.</source>
        <translation>falta o @</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="229"/>
        <source>Extra character(s) found after close quote: {0}</source>
        <translation>caracteres a mais depois das aspas de fechamento: {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="230"/>
        <source>The display name contains invalid characters when not quoted: {0}.</source>
        <translation>o nome antes do endereço tem caracteres inválidos fora de aspas: {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="232"/>
        <source>An open angle bracket at the start of the email address has to be followed by a close angle bracket at the end.</source>
        <translation>um &lt; no início do endereço precisa de um &gt; no final</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="234"/>
        <source>There can&apos;t be anything after the email address.</source>
        <translation>não pode haver nada depois do endereço</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="235"/>
        <source>There must be something before the @-sign.</source>
        <translation>falta a parte antes do @</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="236"/>
        <source>There must be something after the @-sign.</source>
        <translation>falta a parte depois do @</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="237"/>
        <source>The email address is too long before the @-sign {0}.</source>
        <translation>a parte antes do @ é longa demais {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="238"/>
        <source>The email address is too long after the @-sign {0}.</source>
        <translation>a parte depois do @ é longa demais {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="239"/>
        <source>The email address is too long after the @-sign ({0} byte too many after IDNA encoding).</source>
        <translation>a parte depois do @ é longa demais ({0} byte a mais após a codificação IDNA)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="241"/>
        <source>The email address is too long after the @-sign ({0} bytes too many after IDNA encoding).</source>
        <translation>a parte depois do @ é longa demais ({0} bytes a mais após a codificação IDNA)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="243"/>
        <source>The email address is too long {0}.</source>
        <translation>o endereço é longo demais {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="244"/>
        <source>After the @-sign, periods cannot be separated by so many characters {0}.</source>
        <translation>depois do @, não pode haver tantos caracteres entre um ponto e outro {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="246"/>
        <source>({0} character too many)</source>
        <translation>({0} caractere a mais)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="247"/>
        <source>({0} characters too many)</source>
        <translation>({0} caracteres a mais)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="248"/>
        <source>({0}-{1} characters too many)</source>
        <translation>({0} a {1} caracteres a mais)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="249"/>
        <source>after normalization ({0} byte too many)</source>
        <translation>após a normalização ({0} byte a mais)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="250"/>
        <source>after normalization ({0} bytes too many)</source>
        <translation>após a normalização ({0} bytes a mais)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="251"/>
        <source>when the part after the @-sign is converted to IDNA ASCII ({0} byte too many)</source>
        <translation>quando a parte depois do @ é convertida para IDNA ASCII ({0} byte a mais)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="253"/>
        <source>when the part after the @-sign is converted to IDNA ASCII ({0} bytes too many)</source>
        <translation>quando a parte depois do @ é convertida para IDNA ASCII ({0} bytes a mais)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="255"/>
        <source>Internationalized characters before the @-sign are not supported: {0}.</source>
        <translation>caracteres internacionais antes do @ não são aceitos: {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="257"/>
        <source>Internationalized characters before the @-sign are not supported.</source>
        <translation>caracteres internacionais antes do @ não são aceitos</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="259"/>
        <source>The email address contains invalid characters in quotes before the @-sign: {0}.</source>
        <translation>caracteres inválidos entre aspas antes do @: {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="261"/>
        <source>The email address contains an invalid character.</source>
        <translation>o endereço contém um caractere inválido</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="262"/>
        <source>The email address contains invalid characters before the @-sign: {0}.</source>
        <translation>caracteres inválidos antes do @: {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="264"/>
        <source>The email address contains invalid characters before the @-sign.</source>
        <translation>caracteres inválidos antes do @</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="266"/>
        <source>The email address contains unsafe characters: {0}.</source>
        <translation>o endereço contém caracteres inseguros: {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="267"/>
        <source>An email address cannot start with a period.</source>
        <translation>o endereço não pode começar com ponto</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="268"/>
        <source>An email address cannot have a period immediately before the @-sign.</source>
        <translation>não pode haver ponto logo antes do @</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="270"/>
        <source>An email address cannot have a period immediately after the @-sign.</source>
        <translation>não pode haver ponto logo depois do @</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="272"/>
        <source>An email address cannot have a hyphen immediately after the @-sign.</source>
        <translation>não pode haver hífen logo depois do @</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="274"/>
        <source>An email address cannot end with a period.</source>
        <translation>o endereço não pode terminar com ponto</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="275"/>
        <source>An email address cannot end with a hyphen.</source>
        <translation>o endereço não pode terminar com hífen</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="276"/>
        <source>An email address cannot have two periods in a row.</source>
        <translation>o endereço não pode ter dois pontos seguidos</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="277"/>
        <source>An email address cannot have a period and a hyphen next to each other.</source>
        <translation>o endereço não pode ter ponto e hífen lado a lado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="279"/>
        <source>The part after the @-sign contains invalid characters: {0}.</source>
        <translation>caracteres inválidos depois do @: {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="281"/>
        <source>The part after the @-sign contains invalid characters ({0}).</source>
        <translation>caracteres inválidos depois do @ ({0})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="283"/>
        <source>The part after the @-sign contains invalid characters after Unicode normalization: {0}.</source>
        <translation>caracteres inválidos depois do @ após a normalização Unicode: {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="285"/>
        <source>An email address cannot have two letters followed by two dashes immediately after the @-sign or after a period, except Punycode.</source>
        <translation>depois do @ ou de um ponto, não pode haver duas letras seguidas de dois hífens (exceto em Punycode)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="288"/>
        <source>The part after the @-sign is invalid ({0}).</source>
        <translation>a parte depois do @ é inválida ({0})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="289"/>
        <source>The email address contains invalid characters after the @-sign after IDNA encoding.</source>
        <translation>caracteres inválidos depois do @ após a codificação IDNA</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="291"/>
        <source>The part after the @-sign is not valid. It should have a period.</source>
        <translation>a parte depois do @ é inválida: falta um ponto (como em gmail.com)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="293"/>
        <source>The part after the @-sign is not valid. It is not within a valid top-level domain.</source>
        <translation>a parte depois do @ é inválida: não termina em um domínio válido (como .com ou .br)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="295"/>
        <source>The part after the @-sign is a special-use or reserved name that cannot be used with email.</source>
        <translation>a parte depois do @ é um nome reservado ou de uso especial, que não pode ser usado em e-mails</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="297"/>
        <source>The part after the @-sign is not valid IDNA ({0}).</source>
        <translation>a parte depois do @ não é IDNA válido ({0})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="298"/>
        <source>The part after the @-sign became invalid after normalizing to international characters ({0}).</source>
        <translation>a parte depois do @ ficou inválida ao ser normalizada para caracteres internacionais ({0})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="301"/>
        <source>The address in brackets after the @-sign is not valid: It is not an IPv4 address ({0}) or is missing an address literal tag.</source>
        <translation>o endereço entre colchetes depois do @ é inválido: não é um endereço IPv4 ({0}) ou falta a marca de endereço literal</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="304"/>
        <source>The IPv6 address in brackets after the @-sign is not valid ({0}).</source>
        <translation>o endereço IPv6 entre colchetes depois do @ é inválido ({0})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="306"/>
        <source>The IPv6 address in brackets after the @-sign is not valid (It has a zone index).</source>
        <translation>o endereço IPv6 entre colchetes depois do @ é inválido (tem um índice de zona)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="308"/>
        <source>The part after the @-sign in brackets is not an IPv4 address and has no address literal tag.</source>
        <translation>o conteúdo entre colchetes depois do @ não é um endereço IPv4 e não tem marca de endereço literal</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="310"/>
        <source>The part after the @-sign contains invalid characters in brackets: {0}.</source>
        <translation>caracteres inválidos entre colchetes depois do @: {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="312"/>
        <source>The part after the @-sign contains an invalid address literal tag in brackets.</source>
        <translation>a marca de endereço literal entre colchetes depois do @ é inválida</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="314"/>
        <source>The email address is not valid ASCII.</source>
        <translation>o endereço não é ASCII válido</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="315"/>
        <source>After Unicode normalization: {0}</source>
        <translation>após a normalização Unicode: {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="316"/>
        <source>Quoting the part before the @-sign is not allowed here.</source>
        <translation>aspas na parte antes do @ não são permitidas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="317"/>
        <source>A bracketed IP address after the @-sign is not allowed here.</source>
        <translation>um endereço IP entre colchetes depois do @ não é permitido</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="318"/>
        <source>A display name and angle brackets around the email address are not permitted here.</source>
        <translation>nome e sinais &lt; &gt; em volta do endereço não são permitidos; deixe só o endereço</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="321"/>
        <source>SPACE</source>
        <translation>espaço</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="322"/>
        <source>NO-BREAK SPACE</source>
        <translation>espaço não separável</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="323"/>
        <source>ZERO WIDTH SPACE</source>
        <translation>espaço de largura zero</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="324"/>
        <source>ZERO WIDTH NO-BREAK SPACE</source>
        <translation>espaço invisível não separável</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="325"/>
        <source>CHARACTER TABULATION</source>
        <translation>tabulação</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="326"/>
        <source>SOFT HYPHEN</source>
        <translation>hífen oculto</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="103"/>
        <source>{0}: no column looks like a name, email or phone</source>
        <translation>{0}: nenhuma coluna parece conter nome, e-mail ou telefone</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="105"/>
        <source>contacts already in GHL: {0}</source>
        <translation>contatos já no GHL: {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="106"/>
        <source>{0}: no column looks like a Contact Id, an email or a phone, so no contact can be matched (is this a GHL contacts export?)</source>
        <translation>{0}: nenhuma coluna parece conter Contact Id, e-mail ou telefone, então nenhum contato pode ser encontrado (é uma exportação de contatos do GHL?)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="108"/>
        <source>matches {0} contacts already in GHL ({1}); GHL would update {2}</source>
        <translation>corresponde a {0} contatos já no GHL ({1}); o GHL atualizaria {2}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="110"/>
        <source>a contact without Contact Id</source>
        <translation>um contato sem Contact Id</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="111"/>
        <source>--only needs --existing (a file of the contacts already in GHL)</source>
        <translation>--only precisa de --existing (um arquivo dos contatos já no GHL)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="175"/>
        <source>not a number (GHL reads numbers written as 1234.56)</source>
        <translation>não é um número (o GHL lê números escritos como 1234.56)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="217"/>
        <source>a birthday without a year: GHL needs day, month and year</source>
        <translation>aniversário sem o ano: o GHL precisa de dia, mês e ano</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="219"/>
        <source>not a country: write its name or its two-letter code (BR, US, PT)</source>
        <translation>não é um país: escreva o nome ou o código de duas letras (BR, US, PT)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/core_text.py" line="221"/>
        <source>several countries in one cell: keep one</source>
        <translation>vários países na mesma célula: deixe um só</translation>
    </message>
</context>
<context>
    <name>DropArea</name>
    <message>
        <location filename="../../ghl_desktop/gui/drop_area.py" line="101"/>
        <source>Drop your spreadsheets here</source>
        <extracomment>Folders are walked at most this deep, and at most this many files are taken from one drop. list[Path], as dropped (folders not yet expanded)</extracomment>
        <translation>Arraste suas planilhas aqui</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/drop_area.py" line="103"/>
        <source>CSV, TXT, XLSX or XLS — several files or whole folders at once. Nothing leaves this computer.</source>
        <translation>CSV, TXT, XLSX ou XLS — vários arquivos ou pastas inteiras de uma vez. Nada sai deste computador.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/drop_area.py" line="105"/>
        <source>Open files…</source>
        <translation>Abrir arquivos…</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../ghl_desktop/gui/errors.py" line="110"/>
        <source>Unexpected error</source>
        <extracomment>reports shown so far (the window and tests read it)</extracomment>
        <translation>Erro inesperado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/errors.py" line="111"/>
        <source>Something went wrong. Your work is kept and the app stays open.</source>
        <translation>Algo deu errado. Seu trabalho foi mantido e o app continua aberto.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/errors.py" line="113"/>
        <source>The details below were also written to the log: {0}</source>
        <translation>Os detalhes abaixo também foram gravados no log: {0}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="191"/>
        <source>Export GHL CSV</source>
        <extracomment>The formats of the file of rows to fix: (suffix, label).</extracomment>
        <translation>Exportar CSV do GHL</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="192"/>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="193"/>
        <source>Also save the rows to fix (for you or your client)</source>
        <translation>Salvar também as linhas para corrigir (para você ou seu cliente)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="194"/>
        <source>One row per contact with a problem: file, row, column, value, reason, and whether it was exported without that value or not at all</source>
        <translation>Uma linha por contato com problema: arquivo, linha, coluna, valor, motivo e se ele foi exportado sem esse valor ou não foi exportado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="196"/>
        <source>Excel (.xlsx)</source>
        <translation>Excel (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="197"/>
        <source>CSV (.csv)</source>
        <translation>CSV (.csv)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="198"/>
        <source> rows per file</source>
        <translation> linhas por arquivo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="199"/>
        <source>GHL imports at most 10,000 rows per file; longer exports become parts</source>
        <translation>O GHL importa no máximo 10.000 linhas por arquivo; exportações maiores viram partes</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="205"/>
        <source>Save as:</source>
        <translation>Salvar como:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="205"/>
        <source>Split into parts of:</source>
        <translation>Dividir em partes de:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="205"/>
        <source>Rows to fix:</source>
        <translation>Linhas para corrigir:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="210"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="211"/>
        <source>Waiting for the conversion to finish…</source>
        <translation>Aguardando a conversão terminar…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="212"/>
        <source>Contacts already in GHL</source>
        <translation>Contatos já no GHL</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="214"/>
        <source>Empty fields never overwrite what GHL has: where a row has no value, the export writes GHL&apos;s own, so the import keeps it whether or not you tick GHL&apos;s &quot;Don&apos;t update empty values&quot;. Tags are added to the contact&apos;s tags and notes become new notes.</source>
        <translation>Campos vazios nunca apagam o que o GHL tem: onde a linha não tem valor, a exportação escreve o valor do próprio GHL, então a importação o mantém com ou sem a opção &quot;Don&apos;t update empty values&quot; (não atualizar valores vazios) do GHL marcada. As tags são somadas às do contato e as observações viram notas novas.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="238"/>
        <source>%n row(s) still have a problem:</source>
        <translation>
            <numerusform>%n linha ainda tem problema:</numerusform>
            <numerusform>%n linhas ainda têm problema:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="240"/>
        <source>%n exported without the bad value</source>
        <translation>
            <numerusform>%n exportada sem o valor inválido</numerusform>
            <numerusform>%n exportadas sem o valor inválido</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="242"/>
        <source>;</source>
        <translation>;</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="244"/>
        <source>%n not exported</source>
        <translation>
            <numerusform>%n não exportada</numerusform>
            <numerusform>%n não exportadas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="245"/>
        <source>Review them first if you can.</source>
        <translation>Revise-as antes, se puder.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="272"/>
        <source>Everything: new contacts and updates (%n row(s))</source>
        <translation>
            <numerusform>Tudo: contatos novos e atualizações (%n linha)</numerusform>
            <numerusform>Tudo: contatos novos e atualizações (%n linhas)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="273"/>
        <source>Only new contacts, for GHL&apos;s &quot;Create only&quot; (%n row(s))</source>
        <translation>
            <numerusform>Só contatos novos, para o &quot;Create only&quot; do GHL (%n linha)</numerusform>
            <numerusform>Só contatos novos, para o &quot;Create only&quot; do GHL (%n linhas)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="274"/>
        <source>Only updates of contacts already in GHL, for &quot;Update only&quot; (%n row(s))</source>
        <translation>
            <numerusform>Só atualizações de contatos já no GHL, para o &quot;Update only&quot; (%n linha)</numerusform>
            <numerusform>Só atualizações de contatos já no GHL, para o &quot;Update only&quot; (%n linhas)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="279"/>
        <source>Also export the %n contact(s) GHL already has unchanged</source>
        <translation>
            <numerusform>Exportar também o %n contato que o GHL já tem igual</numerusform>
            <numerusform>Exportar também os %n contatos que o GHL já tem iguais</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="280"/>
        <source>Also export the contacts GHL already has unchanged (there are none)</source>
        <translation>Exportar também os contatos que o GHL já tem iguais (não há nenhum)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="281"/>
        <source>Off: rows that would change nothing in GHL are left out</source>
        <translation>Desmarcado: as linhas que não mudariam nada no GHL ficam de fora</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="285"/>
        <source>%n row(s) will be exported</source>
        <translation>
            <numerusform>%n linha será exportada</numerusform>
            <numerusform>%n linhas serão exportadas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="287"/>
        <source>in {0} files of at most {1} rows</source>
        <translation>em {0} arquivos de no máximo {1} linhas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="318"/>
        <source>Replace existing files?</source>
        <translation>Substituir arquivos existentes?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="319"/>
        <source>%n file(s) already exist and will be replaced:</source>
        <translation>
            <numerusform>%n arquivo já existe e será substituído:</numerusform>
            <numerusform>%n arquivos já existem e serão substituídos:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="323"/>
        <source>Replace</source>
        <translation>Substituir</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="338"/>
        <source>Save GHL CSV</source>
        <translation>Salvar CSV do GHL</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="339"/>
        <source>CSV files (*.csv)</source>
        <translation>Arquivos CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="200"/>
        <source>Tag every contact with</source>
        <translation>Marcar todos os contatos com a tag</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="201"/>
        <source>GHL has no undo: a tag on every contact of this import lets you find them (and delete them) in GHL. Commas and periods become hyphens: GHL would split the tag on them.</source>
        <translation>O GHL não tem desfazer: uma tag em todos os contatos desta importação permite encontrá-los (e excluí-los) no GHL. Vírgulas e pontos viram hífens: o GHL dividiria a tag neles.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="205"/>
        <source>Import tag:</source>
        <translation>Tag da importação:</translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="152"/>
        <source>File</source>
        <translation>Arquivo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="152"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="152"/>
        <source>Status</source>
        <translation>Situação</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="152"/>
        <source>Rows</source>
        <translation>Linhas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="193"/>
        <source>{0} rows to export of {1} read</source>
        <translation>{0} linhas a exportar de {1} lidas</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="71"/>
        <source>Queued</source>
        <translation>Na fila</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="72"/>
        <source>Processing</source>
        <translation>Processando</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="73"/>
        <source>Done</source>
        <translation>Concluído</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="74"/>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="75"/>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="81"/>
        <source>reading</source>
        <translation>lendo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="82"/>
        <source>mapping</source>
        <translation>mapeando</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="83"/>
        <source>normalizing</source>
        <translation>normalizando</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="84"/>
        <source>merging duplicates</source>
        <translation>juntando duplicados</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="85"/>
        <source>saving</source>
        <translation>salvando</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="91"/>
        <source>Interrupted: the app closed while this file was being processed. Retry it.</source>
        <translation>Interrompido: o app foi fechado enquanto este arquivo era processado. Tente de novo.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="337"/>
        <source>Jobs</source>
        <extracomment>job id (&quot;&quot; when none) job id: the person wants to add files of contacts already in GHL to it (a file dialog). job id, the files it keeps: the person took some (or all) away. Replaced in tests; opens a folder in the system file manager.</extracomment>
        <translation>Tarefas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="338"/>
        <source>Retry</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="338"/>
        <source>Process this file again</source>
        <translation>Processar este arquivo de novo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="339"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="339"/>
        <source>Stop this job</source>
        <translation>Parar esta tarefa</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="340"/>
        <source>Re-export</source>
        <translation>Reexportar</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="340"/>
        <source>Write the GHL CSV for this job again</source>
        <translation>Gerar de novo o CSV do GHL desta tarefa</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="341"/>
        <source>Delete</source>
        <translation>Remover</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="341"/>
        <source>Remove this job and its saved result</source>
        <translation>Remover esta tarefa e o resultado salvo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="342"/>
        <source>Folder</source>
        <translation>Pasta</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="342"/>
        <source>Open the folder of the last export</source>
        <translation>Abrir a pasta da última exportação</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="106"/>
        <source>{0} could not be converted: {1}</source>
        <translation>Não foi possível converter {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="343"/>
        <source>Contacts already in GHL…</source>
        <translation>Contatos já no GHL…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="344"/>
        <source>Compare this job with a GHL contacts export: see which rows are new and which update a contact already in GHL</source>
        <translation>Comparar este trabalho com uma exportação de contatos do GHL: veja quais linhas são novas e quais atualizam um contato que já está no GHL</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="396"/>
        <source>Compared with the contacts already in GHL: {0}</source>
        <translation>Comparado com os contatos já no GHL: {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="402"/>
        <source>The saved result of this job was removed after the retention period.</source>
        <translation>O resultado salvo desta tarefa foi removido após o período de retenção.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="405"/>
        <source>Last export: {0}</source>
        <translation>Última exportação: {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="467"/>
        <source>Add files…</source>
        <extracomment>``confirm_reconvert(job_id, proceed)``: asks about the job&apos;s edits before it is converted again (the main window&apos;s), then calls ``proceed``.</extracomment>
        <translation>Adicionar arquivos…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="474"/>
        <source>Stop comparing with {0}</source>
        <translation>Parar de comparar com {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="480"/>
        <source>Stop comparing with all of them</source>
        <translation>Parar de comparar com todos</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="501"/>
        <source>Delete job</source>
        <translation>Remover tarefa</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="502"/>
        <source>Delete {0} from the history, with its saved result and review edits? Exported files are kept.</source>
        <translation>Remover {0} do histórico, com o resultado salvo e as edições da revisão? Os arquivos exportados são mantidos.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="224"/>
        <source>GHL Desktop — contacts ready for GoHighLevel</source>
        <extracomment>Live report/preview counters are repainted at most this often while chunks arrive. job id, what is shown (live | result | failed | none): the smoke test and tests wait on it. the export finished: list of written paths ([] after a failure).</extracomment>
        <translation>GHL Desktop — contatos prontos para o GoHighLevel</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="226"/>
        <source>&amp;Open files…</source>
        <translation>&amp;Abrir arquivos…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="226"/>
        <source>Choose spreadsheets to convert</source>
        <translation>Escolher planilhas para converter</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="227"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="227"/>
        <source>Write the GHL CSV for the selected job</source>
        <translation>Gerar o CSV do GHL da tarefa selecionada</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="228"/>
        <source>Exclude / include</source>
        <translation>Excluir da exportação / incluir</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="228"/>
        <source>Leave the selected rows out of the export, or take them back</source>
        <translation>Deixar as linhas selecionadas fora da exportação, ou trazê-las de volta</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="229"/>
        <source>Accept suggestion</source>
        <translation>Aceitar sugestão</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="229"/>
        <source>Use the suggested fix for the selected cell</source>
        <translation>Usar a correção sugerida para a célula selecionada</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="230"/>
        <source>Split merged</source>
        <translation>Separar duplicatas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="230"/>
        <source>Split the selected merged contact back into its rows</source>
        <translation>Separar o contato juntado selecionado de volta nas suas linhas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="231"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="231"/>
        <source>Country, duplicates, split size, language</source>
        <translation>País, duplicados, tamanho das partes, idioma</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="232"/>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="238"/>
        <source>Undo</source>
        <translation>Desfazer</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="239"/>
        <source>Redo</source>
        <translation>Refazer</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="240"/>
        <source>Review</source>
        <translation>Revisão</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="241"/>
        <source>Mapping</source>
        <translation>Mapeamento</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="242"/>
        <source>Report</source>
        <translation>Relatório</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="277"/>
        <source>Open spreadsheets</source>
        <translation>Abrir planilhas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="279"/>
        <location filename="../../ghl_desktop/gui/main_window.py" line="403"/>
        <source>Spreadsheets ({0})</source>
        <translation>Planilhas ({0})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="279"/>
        <location filename="../../ghl_desktop/gui/main_window.py" line="403"/>
        <source>All files (*)</source>
        <translation>Todos os arquivos (*)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="291"/>
        <location filename="../../ghl_desktop/gui/main_window.py" line="546"/>
        <source>…and {0} more</source>
        <translation>…e mais {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="292"/>
        <location filename="../../ghl_desktop/gui/main_window.py" line="412"/>
        <source>Some files were not added</source>
        <translation>Alguns arquivos não foram adicionados</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="293"/>
        <location filename="../../ghl_desktop/gui/main_window.py" line="413"/>
        <source>These are not spreadsheets GHL Desktop can read (CSV, TXT, XLSX, XLS):</source>
        <translation>Estes arquivos não são planilhas que o GHL Desktop sabe ler (CSV, TXT, XLSX, XLS):</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="312"/>
        <source>Some files could not be added</source>
        <translation>Alguns arquivos não puderam ser adicionados</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="315"/>
        <source>Already converting: {0}</source>
        <translation>Já em conversão: {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/main_window.py" line="323"/>
        <source>Converting %n file(s)…</source>
        <translation>
            <numerusform>Convertendo %n arquivo…</numerusform>
            <numerusform>Convertendo %n arquivos…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="334"/>
        <source>Converted before</source>
        <translation>Já convertido</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/main_window.py" line="775"/>
        <source>%n row(s) to fix listed in</source>
        <translation>
            <numerusform>%n linha para corrigir listada em</numerusform>
            <numerusform>%n linhas para corrigir listadas em</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="330"/>
        <source>{0} was converted before. Its result is open; process it again?</source>
        <translation>{0} já foi convertido. O resultado está aberto; processar de novo?</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="302"/>
        <source>Contacts already in GHL not found</source>
        <translation>Contatos já no GHL não encontrados</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="303"/>
        <source>These files of contacts already in GHL (Settings) were not found, so the new jobs are not compared with them:</source>
        <translation>Estes arquivos de contatos já no GHL (Configurações) não foram encontrados; os novos trabalhos não são comparados com eles:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/main_window.py" line="336"/>
        <location filename="../../ghl_desktop/gui/main_window.py" line="379"/>
        <source>Keep my %n edit(s)</source>
        <translation>
            <numerusform>Manter minha %n edição</numerusform>
            <numerusform>Manter minhas %n edições</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="336"/>
        <source>Process again</source>
        <translation>Processar de novo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="341"/>
        <location filename="../../ghl_desktop/gui/main_window.py" line="381"/>
        <source>Start over</source>
        <translation>Começar do zero</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/main_window.py" line="363"/>
        <source>You made %n edit(s) in its review. They are applied again to the new conversion; any that no longer fit are listed for you.</source>
        <translation>
            <numerusform>Você fez %n edição na revisão. Ela é aplicada de novo à nova conversão; se não couber mais, ela é listada para você.</numerusform>
            <numerusform>Você fez %n edições na revisão. Elas são aplicadas de novo à nova conversão; as que não couberem mais são listadas para você.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="375"/>
        <source>Convert again</source>
        <translation>Converter de novo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="376"/>
        <source>{0} will be converted again.</source>
        <translation>{0} será convertido de novo.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="400"/>
        <source>Contacts already in GHL (a GHL contacts export)</source>
        <translation>Contatos já no GHL (uma exportação de contatos do GHL)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="434"/>
        <source>Contacts already in GHL not added</source>
        <translation>Contatos já no GHL não adicionados</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="435"/>
        <source>{0} is compared with the same files as before: {1}</source>
        <translation>{0} continua comparado com os mesmos arquivos de antes: {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="438"/>
        <source>Comparing {0} with the contacts already in GHL…</source>
        <translation>Comparando {0} com os contatos já no GHL…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="439"/>
        <source>Converting {0} again without the contacts already in GHL…</source>
        <translation>Convertendo {0} de novo sem os contatos já no GHL…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="500"/>
        <source>The saved result could not be opened ({0}). Retry the job to convert the file again.</source>
        <translation>Não foi possível abrir o resultado salvo ({0}). Repita a tarefa para converter o arquivo de novo.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="533"/>
        <source>Converting {0}… rows appear as they are normalized; editing opens when it is done.</source>
        <translation>Convertendo {0}… as linhas aparecem conforme são normalizadas; a edição abre quando terminar.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="535"/>
        <source>Opening the result…</source>
        <translation>Abrindo o resultado…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="539"/>
        <source>{0} was cancelled. Retry it to convert it again.</source>
        <translation>{0} foi cancelado. Repita para converter de novo.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/main_window.py" line="542"/>
        <source>%n of your edits no longer apply to this conversion (they are kept, and apply again if the mapping goes back):</source>
        <translation>
            <numerusform>%n das suas edições não se aplica mais a esta conversão (ela fica guardada e volta a valer se o mapeamento voltar):</numerusform>
            <numerusform>%n das suas edições não se aplicam mais a esta conversão (elas ficam guardadas e voltam a valer se o mapeamento voltar):</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="628"/>
        <source>{0} is ready for review</source>
        <translation>{0} está pronto para revisão</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="629"/>
        <source>Conversion finished</source>
        <translation>Conversão concluída</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="630"/>
        <source>{0}: {1} contacts ready to review and export.</source>
        <translation>{0}: {1} contatos prontos para revisar e exportar.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="633"/>
        <source>{0} could not be converted</source>
        <translation>Não foi possível converter {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="634"/>
        <source>Conversion failed</source>
        <translation>A conversão falhou</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="634"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="636"/>
        <source>{0} was cancelled</source>
        <translation>{0} foi cancelado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="647"/>
        <source>Select a merged contact to split it (filter: Merged duplicates).</source>
        <translation>Selecione um contato juntado para separá-lo (filtro: Duplicatas juntadas).</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="680"/>
        <source>Converting again with the new mapping; it will be used for files with the same columns.</source>
        <translation>Convertendo de novo com o novo mapeamento; ele será usado para arquivos com as mesmas colunas.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="755"/>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/main_window.py" line="770"/>
        <source>%n contact(s) exported</source>
        <translation>
            <numerusform>%n contato exportado</numerusform>
            <numerusform>%n contatos exportados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="772"/>
        <source>in {0} files of at most {1} rows</source>
        <translation>em {0} arquivos de no máximo {1} linhas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="776"/>
        <source>Export finished</source>
        <translation>Exportação concluída</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="778"/>
        <source>Open folder</source>
        <translation>Abrir pasta</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="781"/>
        <source>Exported to {0}</source>
        <translation>Exportado para {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="786"/>
        <source>Export failed</source>
        <translation>A exportação falhou</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="787"/>
        <source>Nothing was written. {0}</source>
        <translation>Nada foi gravado. {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="810"/>
        <source>Settings saved</source>
        <translation>Configurações salvas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="827"/>
        <source>History recovered</source>
        <translation>Histórico recuperado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="828"/>
        <source>The job history was damaged and has been started anew. The old copy was kept at:
{0}</source>
        <translation>O histórico de tarefas estava danificado e foi recomeçado. A cópia antiga foi guardada em:
{0}</translation>
    </message>
</context>
<context>
    <name>MappingEditor</name>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="199"/>
        <source>(leave out)</source>
        <extracomment>the new Mapping, after a short pause (several quick changes → one run)</extracomment>
        <translation>(deixar de fora)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="201"/>
        <source>Full Name (split into First/Last)</source>
        <translation>Full Name (dividido em First/Last)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="220"/>
        <source>not mapped</source>
        <translation>não mapeada</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="232"/>
        <source>by the header</source>
        <translation>pelo cabeçalho</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="232"/>
        <source>by the values</source>
        <translation>pelos valores</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="233"/>
        <source>header and values agree</source>
        <translation>cabeçalho e valores concordam</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="226"/>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="234"/>
        <source>chosen by you</source>
        <translation>escolhido por você</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="237"/>
        <source>Confidence of the automatic choice</source>
        <translation>Confiança da escolha automática</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="300"/>
        <source>Column mapping</source>
        <translation>Mapeamento de colunas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="307"/>
        <source>Your column</source>
        <translation>Sua coluna</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="307"/>
        <source>Examples</source>
        <translation>Exemplos</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="307"/>
        <source>GHL field</source>
        <translation>Campo do GHL</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="308"/>
        <source>Confidence</source>
        <translation>Confiança</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="204"/>
        <source>Custom field</source>
        <translation>Campo personalizado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="218"/>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="219"/>
        <source>left out by you</source>
        <translation>deixada de fora por você</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="302"/>
        <source>Each column of your file and the GHL field it fills. A column that fills no standard field is kept as a custom field (create it in GHL with the same name and type) unless you leave it out. Change a field and the contacts are converted again; the choice is remembered for files with the same columns.</source>
        <translation>Cada coluna do seu arquivo e o campo do GHL que ela preenche. Uma coluna que não preenche nenhum campo padrão é mantida como campo personalizado (crie-o no GHL com o mesmo nome e tipo), a menos que você a deixe de fora. Mude um campo e os contatos são convertidos de novo; a escolha é lembrada para arquivos com as mesmas colunas.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="53"/>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="54"/>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="55"/>
        <source>Money</source>
        <translation>Monetário</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="56"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="57"/>
        <source>Multiple options</source>
        <translation>Múltiplas opções</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="91"/>
        <source>Name of the custom field: create one with this name in GHL</source>
        <translation>Nome do campo personalizado: crie um com este nome no GHL</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="93"/>
        <source>How the values are written for GHL: dates as YYYY-MM-DD, numbers and money as 1234.56, options separated by commas</source>
        <translation>Como os valores são escritos para o GHL: datas como AAAA-MM-DD, números e valores monetários como 1234.56, opções separadas por vírgulas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="217"/>
        <source>describes another column</source>
        <translation>descreve outra coluna</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="217"/>
        <source>no values</source>
        <translation>sem valores</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="223"/>
        <source>Not exported</source>
        <translation>Não é exportada</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="226"/>
        <source>custom field</source>
        <translation>campo personalizado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="228"/>
        <source>It fills no standard field: exported as a column of its own, after Notes</source>
        <translation>Não preenche nenhum campo padrão: exportada como uma coluna própria, depois de Notes</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="307"/>
        <source>Custom field: name and type</source>
        <translation>Campo personalizado: nome e tipo</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="67"/>
        <source>Invalid email</source>
        <extracomment>Rows a running job&apos;s live view holds before a person scrolls for more (``fetchMore``): rows arriving below them change no row count in the view, so the table&apos;s scroll bar and row header stay still and the page is not repainted while the job catches up. The problem kinds of a cell (list of str), for tests and delegates. The table row number behind a view row. The suggested replacement for a cell, if any. For a cell an import would change in GHL: (GHL&apos;s value, the new value); else None. A row&apos;s mark against the contacts already in GHL (new, update, unchanged, ambiguous), or None.</extracomment>
        <translation>E-mail inválido</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="68"/>
        <source>Invalid phone</source>
        <translation>Telefone inválido</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="69"/>
        <source>Invalid date</source>
        <translation>Data inválida</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="72"/>
        <source>No name, email or phone: GHL would refuse this row</source>
        <translation>Sem nome, e-mail nem telefone: o GHL recusaria esta linha</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="73"/>
        <source>Possible typo in the email</source>
        <translation>Possível erro de digitação no e-mail</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="74"/>
        <source>Looks like a spreadsheet formula: it is neutralized on export</source>
        <translation>Parece uma fórmula de planilha: é neutralizada na exportação</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="75"/>
        <source>Phone repaired</source>
        <translation>Telefone corrigido</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="76"/>
        <source>Matches more than one contact already in GHL</source>
        <translation>Corresponde a mais de um contato já no GHL</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="83"/>
        <source>New</source>
        <translation>Novo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="84"/>
        <source>Update</source>
        <translation>Atualiza</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="85"/>
        <source>Unchanged</source>
        <translation>Sem mudança</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="86"/>
        <source>Ambiguous</source>
        <translation>Ambíguo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="92"/>
        <source>(empty)</source>
        <translation>(vazio)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="93"/>
        <source>In GHL: {0} → new: {1}</source>
        <translation>No GHL: {0} → novo: {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="261"/>
        <source>Row status: problems, merged duplicates, excluded</source>
        <extracomment>A value an import writes over what GHL has (an update&apos;s changed cell). table row, field, typed text The conversion result once the job is done (raw source cells for tooltips); None while live. Per table row, what an import changes in GHL: {field: (GHL&apos;s value, new value)}.</extracomment>
        <translation>Situação da linha: problemas, duplicados juntados, excluída</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="348"/>
        <source>Excluded: this row will not be exported</source>
        <translation>Excluída: esta linha não será exportada</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/preview_model.py" line="351"/>
        <source>Merged with %n duplicate row(s):</source>
        <translation>
            <numerusform>Juntada com %n linha duplicada:</numerusform>
            <numerusform>Juntada com %n linhas duplicadas:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="352"/>
        <source>{0}, row {1}</source>
        <translation>{0}, linha {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="356"/>
        <source>Row</source>
        <translation>Linha</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="377"/>
        <source>New: creates a contact in GHL</source>
        <translation>Novo: cria um contato no GHL</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="379"/>
        <source>Unchanged: GHL already has all of it (Contact Id {0})</source>
        <translation>Sem mudança: o GHL já tem tudo isso (Contact Id {0})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="380"/>
        <source>Unchanged: GHL already has all of it</source>
        <translation>Sem mudança: o GHL já tem tudo isso</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/preview_model.py" line="383"/>
        <source>Update: changes %n field(s) of the GHL contact {0}</source>
        <translation>
            <numerusform>Atualiza: muda %n campo do contato {0} do GHL</numerusform>
            <numerusform>Atualiza: muda %n campos do contato {0} do GHL</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/preview_model.py" line="384"/>
        <source>Update: changes %n field(s) of a contact already in GHL</source>
        <translation>
            <numerusform>Atualiza: muda %n campo de um contato já no GHL</numerusform>
            <numerusform>Atualiza: muda %n campos de um contato já no GHL</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="385"/>
        <source>Ambiguous: matches more than one GHL contact; GHL would update {0}</source>
        <translation>Ambíguo: corresponde a mais de um contato do GHL; o GHL atualizaria {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="386"/>
        <source>Ambiguous: matches more than one GHL contact</source>
        <translation>Ambíguo: corresponde a mais de um contato do GHL</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="405"/>
        <source>Suggested fix: {0} (Accept suggestion, Ctrl+Enter)</source>
        <translation>Correção sugerida: {0} (Aceitar sugestão, Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="409"/>
        <source>Original: {0} → {1}</source>
        <translation>Original: {0} → {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="70"/>
        <source>Not a value of this field&apos;s type</source>
        <translation>Não é um valor do tipo deste campo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="71"/>
        <source>Not a country</source>
        <translation>País inválido</translation>
    </message>
</context>
<context>
    <name>QualityChart</name>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="142"/>
        <source>Valid</source>
        <extracomment>Bar order, bottom to top (a horizontal chart draws its first category at the bottom). The marks against the contacts already in GHL, in the order of their bar&apos;s segments. {&quot;new_rows&quot;: n, &quot;update_rows&quot;: n, ...}, or {} for a job without existing contacts.</extracomment>
        <translation>Válido</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="142"/>
        <source>Repaired</source>
        <translation>Corrigido</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="143"/>
        <source>Invalid</source>
        <translation>Inválido</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="143"/>
        <source>Missing</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="146"/>
        <source>New</source>
        <translation>Novos</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="146"/>
        <source>Update</source>
        <translation>Atualizações</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="146"/>
        <source>Unchanged</source>
        <translation>Sem mudança</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="147"/>
        <source>Ambiguous</source>
        <translation>Ambíguos</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="155"/>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="155"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="155"/>
        <source>Date of birth</source>
        <translation>Data de nascimento</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="157"/>
        <source>Import into GHL</source>
        <translation>Importação no GHL</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="151"/>
        <source>Contact quality</source>
        <translation>Qualidade dos contatos</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="131"/>
        <source>Report</source>
        <extracomment>Report keys shown as figures, in reading order; percentages are marked. Counted in rows, as the review&apos;s &quot;With problems&quot; filter and the file of rows to fix count them. What importing the rows does to the contacts already in GHL (the core report has these keys only for a job compared with such files; the figures are shown only then). The files the job&apos;s rows are compared with (set by the window).</extracomment>
        <translation>Relatório</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="133"/>
        <source>Rows read</source>
        <translation>Linhas lidas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="134"/>
        <source>Rows to export</source>
        <translation>Linhas a exportar</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="135"/>
        <source>With email</source>
        <translation>Com e-mail</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="136"/>
        <source>With phone</source>
        <translation>Com telefone</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="137"/>
        <source>Rows with an invalid email</source>
        <translation>Linhas com e-mail inválido</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="138"/>
        <source>Rows with an invalid phone</source>
        <translation>Linhas com telefone inválido</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="139"/>
        <source>Rows with an invalid date</source>
        <translation>Linhas com data inválida</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="140"/>
        <source>Phones repaired</source>
        <translation>Telefones corrigidos</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="141"/>
        <source>Duplicates merged</source>
        <translation>Duplicados juntados</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="142"/>
        <source>Excluded by you</source>
        <translation>Excluídas por você</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="143"/>
        <source>Rows with problems</source>
        <translation>Linhas com problemas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="144"/>
        <source>New contacts (created)</source>
        <translation>Contatos novos (criados)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="145"/>
        <source>Updates of GHL contacts</source>
        <translation>Atualizações de contatos do GHL</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="146"/>
        <source>Already in GHL, unchanged</source>
        <translation>Já no GHL, sem mudança</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="147"/>
        <source>Match several GHL contacts</source>
        <translation>Correspondem a vários contatos do GHL</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="155"/>
        <source>The report appears as soon as a file is being converted.</source>
        <translation>O relatório aparece assim que um arquivo começa a ser convertido.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="157"/>
        <source>Live: counting while the job runs (duplicates are merged at the end).</source>
        <translation>Ao vivo: contando enquanto a tarefa roda (os duplicados são juntados no fim).</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="160"/>
        <source>Final report ({0} s).</source>
        <translation>Relatório final ({0} s).</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="162"/>
        <source>Importing into GHL, compared with the contacts already there ({0}):</source>
        <translation>Na importação para o GHL, comparado com os contatos que já estão lá ({0}):</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="165"/>
        <source>Importing into GHL, compared with the contacts already there:</source>
        <translation>Na importação para o GHL, comparado com os contatos que já estão lá:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="177"/>
        <source>Columns left out: {0}</source>
        <translation>Colunas deixadas de fora: {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="172"/>
        <source>Kept as custom fields (create them in GHL with these names and types): {0}</source>
        <translation>Mantidas como campos personalizados (crie-os no GHL com estes nomes e tipos): {0}</translation>
    </message>
</context>
<context>
    <name>ReviewCommands</name>
    <message>
        <location filename="../../ghl_desktop/gui/review_commands.py" line="36"/>
        <source>Edit {0} in row {1}</source>
        <translation>Editar {0} na linha {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_commands.py" line="38"/>
        <source>Accept the suggested {0} in row {1}</source>
        <translation>Aceitar {0} sugerido na linha {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_commands.py" line="41"/>
        <source>Exclude {0} row(s)</source>
        <translation>Excluir {0} linha(s) da exportação</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_commands.py" line="42"/>
        <source>Include {0} row(s)</source>
        <translation>Incluir {0} linha(s)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_commands.py" line="44"/>
        <source>Split the merged contact in row {0}</source>
        <translation>Separar o contato juntado na linha {0}</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="219"/>
        <source>Searching…</source>
        <extracomment>Above this many rows a search runs on the thread pool instead of at once. The filter buttons and the row count are sized for counts up to this one: while a job&apos;s rows arrive the counts change several times a second, and a widget growing with its text would change the panel&apos;s layout, which repaints the whole page, table included.</extracomment>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="269"/>
        <source>Select a row to see what importing it does in GHL.</source>
        <translation>Selecione uma linha para ver o que a importação dela faz no GHL.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="273"/>
        <source>Row {0}: {1}</source>
        <translation>Linha {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="303"/>
        <source>Showing {0} of {1} rows</source>
        <translation>Mostrando {0} de {1} linhas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="325"/>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="325"/>
        <source>With problems</source>
        <translation>Com problemas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="325"/>
        <source>Suggestions</source>
        <translation>Sugestões</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="326"/>
        <source>Merged duplicates</source>
        <translation>Duplicados juntados</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="326"/>
        <source>Excluded</source>
        <translation>Excluídas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="355"/>
        <source>Search names, emails, phones…</source>
        <translation>Buscar nomes, e-mails, telefones…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="356"/>
        <source>Compared with GHL:</source>
        <translation>Comparado com o GHL:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="357"/>
        <source>Rows no contact in GHL has: the import creates them</source>
        <translation>Linhas que nenhum contato do GHL tem: a importação as cria</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="358"/>
        <source>Rows that match one contact in GHL and change it (Contact Id, email, then phone)</source>
        <translation>Linhas que correspondem a um contato do GHL e o mudam (Contact Id, e-mail, depois telefone)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="359"/>
        <source>Rows GHL already has as they are: left out of the export unless you ask</source>
        <translation>Linhas que o GHL já tem iguais: ficam fora da exportação, a não ser que você peça</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="360"/>
        <source>Rows that match two or more contacts in GHL: GHL would update only one</source>
        <translation>Linhas que correspondem a dois ou mais contatos do GHL: o GHL atualizaria só um</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="132"/>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="135"/>
        <source>Default country for phones:</source>
        <translation>País padrão dos telefones:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="135"/>
        <source>Duplicates:</source>
        <translation>Duplicados:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="136"/>
        <source>Split exports into parts of:</source>
        <translation>Dividir exportações em partes de:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="136"/>
        <source>Largest file accepted:</source>
        <translation>Maior arquivo aceito:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="137"/>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="137"/>
        <source>Most rows in one file:</source>
        <translation>Máximo de linhas por arquivo:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="137"/>
        <source>Contacts already in GHL:</source>
        <translation>Contatos já no GHL:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="140"/>
        <source>Merge rows with the same email or phone (GHL&apos;s rule)</source>
        <translation>Juntar linhas com o mesmo e-mail ou telefone (regra do GHL)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="141"/>
        <source>Merge rows with the same email only</source>
        <translation>Juntar linhas só com o mesmo e-mail</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="142"/>
        <source>Merge rows with the same phone only</source>
        <translation>Juntar linhas só com o mesmo telefone</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="143"/>
        <source>Never merge rows</source>
        <translation>Nunca juntar linhas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="145"/>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="147"/>
        <source> rows</source>
        <translation> linhas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="146"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="148"/>
        <source>Country, duplicates, split size, limits and the contacts already in GHL apply to the next files you convert. Larger limits need more memory: about 1 GB per million rows.</source>
        <translation>País, duplicados, tamanho das partes, limites e os contatos já no GHL valem para os próximos arquivos que você converter. Limites maiores precisam de mais memória: cerca de 1 GB por milhão de linhas.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="151"/>
        <source>Add…</source>
        <translation>Adicionar…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="152"/>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="153"/>
        <source>GHL contacts exports (or earlier exports of this app): every new job shows which rows are new contacts and which update one already in GHL</source>
        <translation>Exportações de contatos do GHL (ou exportações anteriores deste aplicativo): cada novo trabalho mostra quais linhas são contatos novos e quais atualizam um que já está no GHL</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="182"/>
        <source>Contacts already in GHL (a GHL contacts export)</source>
        <translation>Contatos já no GHL (uma exportação de contatos do GHL)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="184"/>
        <source>Spreadsheets (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.xlsb)</source>
        <translation>Planilhas (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.xlsb)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="185"/>
        <source>All files (*)</source>
        <translation>Todos os arquivos (*)</translation>
    </message>
</context>
</TS>
